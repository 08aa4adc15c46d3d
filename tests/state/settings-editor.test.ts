import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { syncBundledDecks } from '../../src/adapters/bundled-decks.ts';
import { Store } from '../../src/adapters/store.ts';
import { ReviewSession } from '../../src/state/review-session.svelte.ts';
import { SettingsEditor } from '../../src/state/settings-editor.svelte.ts';
import { loadStudyContext, type StudyContext } from '../../src/state/study-context.ts';
import { deckCard, deckFile, fakeDeckServer, FakeClock } from '../support/fixtures.ts';

let counter = 0;
const DAY = 86_400_000;

async function setup(cardCount = 4) {
  const store = await Store.open(`settings-${++counter}`);
  const cards = Array.from({ length: cardCount }, (_, i) => deckCard(`k${i}`, `Q${i}`, `A${i}`, `s${i}`));
  await syncBundledDecks(store, 0, undefined, fakeDeckServer([deckFile('a', cards)]).fetch);
  const clock = new FakeClock(Date.UTC(2026, 4, 1, 10));
  return { store, clock, context: await loadStudyContext(store, clock) };
}

/** Reviews a deck's only card Good on three days, so it reaches the review phase with a long interval. */
async function studyOneCard(context: StudyContext, clock: FakeClock) {
  for (let day = 0; day < 3; day++) {
    const session = new ReviewSession(await loadStudyContext(context.store, clock), null);
    await session.start();
    session.reveal();
    await session.rate(3);
    session.dispose();
    clock.advance(day === 0 ? DAY : 4 * DAY);
  }
}

describe('editing the study settings', () => {
  it('saves nothing while a field is wrong, and says so', async () => {
    const { context } = await setup();
    const onsaved = vi.fn();
    const editor = new SettingsEditor(context, onsaved);
    editor.form.learningSteps = '1 minute';
    editor.setDeckLimit('a', 'newPerDay', 'lots');
    expect(editor.parsed).toMatchObject({ ok: false, problems: { learningSteps: 'steps' } });
    expect(editor.deckProblems).toEqual(new Set(['a newPerDay']));
    await editor.save();
    expect(editor.status).toBe('invalid');
    expect(onsaved).not.toHaveBeenCalled();
    expect(await context.store.settings.get('scheduler')).toBeUndefined();
  });

  it('saves, hands every screen a context with the new settings, and keeps per-deck limits', async () => {
    const { context } = await setup();
    const onsaved = vi.fn();
    const editor = new SettingsEditor(context, onsaved);
    editor.form.learningSteps = '2m 15m';
    editor.form.newPerDay = '3';
    editor.setDeckLimit('a', 'reviewsPerDay', '50');
    await editor.save();
    expect(editor.status).toBe('saved');
    const saved: StudyContext = onsaved.mock.calls[0]![0];
    expect(saved.scheduler.settings.learningSteps).toEqual(['2m', '15m']);
    expect(saved.limitsFor('a')).toEqual({ newPerDay: 3, reviewsPerDay: 50 });
    // No card was studied: nothing to reschedule.
    expect(editor.rescheduleOffer).toBeNull();

    const session = new ReviewSession(saved, null);
    await session.start();
    expect(session.intervals).toMatchObject({ 1: '2m', 3: '15m' });
    expect(session.counts.fresh).toBe(3);
  });

  it('offers to reschedule studied cards after a scheduling change, and replays their logs', async () => {
    const { store, clock, context } = await setup(1);
    await studyOneCard(context, clock);
    const [before] = await store.schedule.due(Infinity);
    expect(before!.fsrs.phase).toBe('review');
    const editor = new SettingsEditor(await loadStudyContext(store, clock), () => {});
    editor.form.desiredRetention = '0.97';
    await editor.save();
    expect(editor.rescheduleOffer).toBe(1);
    await editor.reschedule();
    expect(editor.rescheduled).toBe(1);
    expect(editor.rescheduleOffer).toBeNull();
    const after = (await store.schedule.states([before!.cardId])).get(before!.cardId)!;
    expect(after.fsrs.due).toBeLessThan(before!.fsrs.due);
    expect(after.queueDue).toBe(after.fsrs.due);
  });

  it('offers nothing when only the hour the day starts changes', async () => {
    const { store, clock, context } = await setup(1);
    await studyOneCard(context, clock);
    const editor = new SettingsEditor(await loadStudyContext(store, clock), () => {});
    editor.form.dayStartHour = '6';
    await editor.save();
    expect(editor.rescheduleOffer).toBeNull();
  });
});
