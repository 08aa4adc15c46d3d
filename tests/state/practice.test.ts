// Issue 13, item 2 (and issue 16, item 6): practice ahead of time without touching the schedule.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { syncBundledDecks } from '../../src/adapters/bundled-decks.ts';
import { Store } from '../../src/adapters/store.ts';
import { ReviewSession } from '../../src/state/review-session.svelte.ts';
import { dayWindow, doneInLog, loadStudyContext } from '../../src/state/study-context.ts';
import { deckCard, deckFile, fakeDeckServer, FakeClock } from '../support/fixtures.ts';
import { storedProblems } from '../support/invariants.ts';
import { reviewEverything } from '../support/sessions.ts';

describe('practice', () => {
  it('shows every studied card of the decks, logs each answer as practice and moves no due date; Again comes back once', async () => {
    const name = 'practice-1';
    const store = await Store.open(name);
    const clock = new FakeClock(Date.UTC(2026, 4, 1, 10), 120);
    const cards = Array.from({ length: 3 }, (_, i) => deckCard(`c${i}`, `Q${i}`, `A${i}`, `s${i}`));
    await syncBundledDecks(store, clock.now(), undefined, fakeDeckServer([deckFile('d', cards)]).fetch);
    const context = await loadStudyContext(store, clock);
    await reviewEverything(context, 4);
    const ids = (await store.decks.cardRefs(['d']))[0]!.refs.map((r) => r.id);
    const before = await store.schedule.states(ids);
    const logBefore = (await store.log.between(0, Infinity)).length;

    clock.time += 60_000;
    const session = new ReviewSession(context, ['d'], { practice: true });
    await session.start();
    expect(session.summary).toBeNull();
    expect(session.intervals).toBeNull();
    const shown: string[] = [];
    while (session.status === 'question') {
      shown.push(session.card!.ref.id);
      session.reveal();
      await session.rate(shown.length === 1 ? 1 : 3);
    }
    // Three cards, the first answered Again and shown once more.
    expect(shown).toHaveLength(4);
    expect(shown.at(-1)).toBe(shown[0]);
    expect(await store.schedule.states(ids)).toEqual(before);
    const log = await store.log.between(0, Infinity);
    expect(log).toHaveLength(logBefore + 4);
    expect(log.slice(logBefore).every((l) => l.practice === true)).toBe(true);
    // Practice is not a review of the day: the limits do not count it.
    const today = dayWindow(context);
    const done = doneInLog(await store.log.between(today.dayStart, today.dayEnd));
    expect(done.get('d')).toEqual({ newCards: 3, reviews: 0 });
    expect(await storedProblems(name)).toEqual([]);

    // Undo takes the practice answer back out of the log.
    session.dispose();
    const again = new ReviewSession(context, ['d'], { practice: true });
    await again.start();
    again.reveal();
    await again.rate(3);
    await again.undo();
    expect(await store.log.between(0, Infinity)).toHaveLength(logBefore + 4);
    expect(await storedProblems(name)).toEqual([]);
  });
});
