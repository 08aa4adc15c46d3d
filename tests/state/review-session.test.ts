import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { syncBundledDecks } from '../../src/adapters/bundled-decks.ts';
import { Store } from '../../src/adapters/store.ts';
import { createScheduler, replay, unseenState } from '../../src/core/scheduler.ts';
import { Library } from '../../src/state/library.svelte.ts';
import { ReviewSession } from '../../src/state/review-session.svelte.ts';
import { loadStudyContext } from '../../src/state/study-context.ts';
import { deckCard, deckFile, fakeDeckServer, FakeClock } from '../support/fixtures.ts';

let counter = 0;
const MIN = 60_000;

async function setup(cardsPerDeck = 3) {
  const name = `session-${++counter}`;
  const store = await Store.open(name);
  const cards = (deck: string) => Array.from({ length: cardsPerDeck }, (_, i) => deckCard(`${deck}${i}`, `${deck} Q${i}`, `${deck} A${i}`, `${deck}-s${i}`));
  await syncBundledDecks(store, 0, undefined, fakeDeckServer([deckFile('a', cards('a')), deckFile('b', cards('b'))]).fetch);
  const clock = new FakeClock(Date.UTC(2026, 4, 1, 10), 120);
  const context = await loadStudyContext(store, clock);
  return { name, store, clock, context };
}

async function answer(session: ReviewSession, rating: 1 | 2 | 3 | 4) {
  session.reveal();
  await session.rate(rating);
}

describe('a review session', () => {
  it('shows the question, then the answer, and saves each rating with its log before the next card', async () => {
    const { store, context } = await setup();
    const session = new ReviewSession(context, null);
    await session.start();
    expect(session.status).toBe('question');
    expect(session.counts).toEqual({ learning: 0, reviews: 0, fresh: 6 });
    expect(session.card!.body.question).toBe('a Q0');
    expect(session.intervals).toMatchObject({ 1: '1m', 3: '10m' });
    await session.rate(3);
    expect(session.status).toBe('question');
    session.reveal();
    expect(session.status).toBe('answer');
    const first = (await store.decks.cardRefs(['a']))[0]!.refs[0]!.id;
    const log = await store.log.ofCard(first);
    expect(log).toHaveLength(0);
    await session.rate(3);
    expect((await store.log.ofCard(first)).map((l) => [l.rating, l.phaseBefore, l.after.phase])).toEqual([[3, null, 'learning']]);
    expect((await store.schedule.states([first])).get(first)!.fsrs.phase).toBe('learning');
    expect(session.card!.body.question).toBe('b Q0');
  });

  it('undo restores the exact previous state and removes that log entry', async () => {
    const { store, context, clock } = await setup();
    const session = new ReviewSession(context, ['a']);
    await session.start();
    await answer(session, 3);
    clock.advance(MIN);
    const card = session.card!;
    const recordBefore = (await store.schedule.states([card.ref.id])).get(card.ref.id) ?? null;
    await answer(session, 1);
    expect(await store.log.ofCard(card.ref.id)).toHaveLength(1);
    await session.undo();
    expect(session.card!.ref.id).toBe(card.ref.id);
    expect(session.status).toBe('question');
    expect(await store.log.ofCard(card.ref.id)).toHaveLength(0);
    expect((await store.schedule.states([card.ref.id])).get(card.ref.id) ?? null).toEqual(recordBefore);
    expect((await store.decks.get('a'))!.tracked).toBe(1);
  });

  it('keeps counts, states and the log after the store is reopened, and each state equals the replay of its log', async () => {
    const { name, store, context, clock } = await setup();
    const session = new ReviewSession(context, null);
    await session.start();
    for (const rating of [3, 3, 4, 1, 3] as const) {
      await answer(session, rating);
      clock.advance(MIN);
    }
    await session.undo();
    store.close();

    const reopened = await Store.open(name);
    const again = new ReviewSession(await loadStudyContext(reopened, clock), null);
    await again.start();
    expect(again.counts.fresh + again.counts.learning + again.counts.reviews).toBeGreaterThan(0);
    const log = await reopened.log.since(0);
    expect(log).toHaveLength(4);
    const scheduler = createScheduler();
    for (const cardId of new Set(log.map((l) => l.cardId))) {
      const history = log.filter((l) => l.cardId === cardId);
      expect(replay(scheduler, history)).toEqual((await reopened.schedule.states([cardId])).get(cardId)!.fsrs);
    }
  });

  it('suspends and buries cards, leaving them out of the queue', async () => {
    const { store, context } = await setup(2);
    const session = new ReviewSession(context, ['a']);
    await session.start();
    const first = session.card!.ref.id;
    await session.suspend();
    const second = session.card!.ref.id;
    await session.bury();
    expect(session.status).toBe('done');
    const states = await store.schedule.states([first, second]);
    expect(states.get(first)).toMatchObject({ suspended: true });
    expect(states.get(first)!.queueDue).toBeUndefined();
    expect(states.get(second)!.buriedUntil).toBeGreaterThan(context.clock.now());
    expect((await store.decks.get('a'))!.tracked).toBe(2);
    const tomorrow = new ReviewSession(context, ['a']);
    await tomorrow.start();
    expect(tomorrow.status).toBe('done');
  });

  it('never shows a hidden card again until it is shown again from the decks screen; undo takes it back', async () => {
    const { store, clock, context } = await setup(2);
    const session = new ReviewSession(context, ['a']);
    await session.start();
    const hidden = session.card!.ref.id;
    await session.hide();
    expect(session.card!.ref.id).not.toBe(hidden);
    expect((await store.hidden.cards()).map((s) => [s.cardId, s.hiddenOf, s.suspended])).toEqual([[hidden, 'a', true]]);
    await session.undo();
    expect(session.card!.ref.id).toBe(hidden);
    expect(await store.hidden.cards()).toEqual([]);
    await session.hide();
    session.dispose();

    clock.advance(3 * 86_400_000);
    const later = new ReviewSession(await loadStudyContext(store, clock), ['a']);
    await later.start();
    expect(later.counts.fresh).toBe(1);
    expect(later.card!.ref.id).not.toBe(hidden);
    later.dispose();

    expect(await store.hidden.unhide([hidden])).toBe(1);
    expect((await store.schedule.states([hidden])).get(hidden)).toMatchObject({ suspended: false, queueDue: expect.any(Number) });
    expect((await store.schedule.states([hidden])).get(hidden)).not.toHaveProperty('hiddenOf');
    const again = new ReviewSession(await loadStudyContext(store, clock), ['a']);
    await again.start();
    expect(again.counts.fresh).toBe(2);
  });

  it('suspends a card at its 8th lapse and tags it as a leech', async () => {
    const { store, context } = await setup(1);
    const id = (await store.decks.cardRefs(['a']))[0]!.refs[0]!.id;
    const now = context.clock.now();
    await store.schedule.putFlags(
      {
        cardId: id,
        deckId: 'a',
        fsrs: { ...unseenState(now), phase: 'review', due: now - MIN, stability: 2, difficulty: 8, reps: 20, lapses: 7, lastReview: now - 3 * 86_400_000 },
        suspended: false,
        buriedUntil: 0,
        leech: false,
        queueDue: now - MIN,
      },
      null,
      await store.writeBasis(),
    );
    const session = new ReviewSession(context, ['a']);
    await session.start();
    expect(session.card!.ref.id).toBe(id);
    await answer(session, 1);
    expect(session.leechNotice).toBe(8);
    expect((await store.schedule.states([id])).get(id)).toMatchObject({ suspended: true, leech: true, leechOf: 'a' });
    expect((await store.schedule.leeches()).map((s) => s.cardId)).toEqual([id]);
  });

  it('a device clock 40 days ahead, then corrected: new cards are offered the next day (regression: none for 40 days)', async () => {
    const { context, clock } = await setup(15);
    const today = clock.now();
    clock.time = today + 40 * 86_400_000;
    const ahead = new ReviewSession(context, null);
    await ahead.start();
    expect(ahead.counts.fresh).toBe(20);
    for (let i = 0; i < 20; i++) await answer(ahead, 4);
    // The clock is put right: the reviews made under the wrong date are not today's.
    clock.time = today + 86_400_000;
    const corrected = new ReviewSession(context, null);
    await corrected.start();
    expect(corrected.counts.fresh).toBe(10);
    const library = new Library(context);
    await library.refresh();
    expect(library.totals.fresh).toBe(10);
  });

  it('finishes with a summary of what was reviewed and what comes next', async () => {
    const { context } = await setup(1);
    const session = new ReviewSession(context, ['a']);
    await session.start();
    await answer(session, 4);
    expect(session.status).toBe('done');
    expect(session.summary).toMatchObject({ reviewed: 1, dueTomorrow: 0 });
    expect(session.summary!.nextDue).toBeGreaterThan(context.clock.now());
  });

  it('survives a clock that moved backwards between two ratings', async () => {
    const { context, clock } = await setup(1);
    const session = new ReviewSession(context, ['a']);
    await session.start();
    await answer(session, 1);
    clock.advance(2 * MIN);
    expect(session.status).toBe('question');
    const id = session.card!.ref.id;
    clock.advance(-3 * 3_600_000);
    session.reveal();
    await session.rate(3);
    expect(session.error).toBeNull();
    const log = await context.store.log.ofCard(id);
    expect(log).toHaveLength(2);
    expect(log[1]!.after.lastReview).toBe(log[0]!.time);
  });
});
