// Issue 13, item 2: counts that promise only what a session can give, a done screen that says which limit was
// reached, and "Learn more today" for a few more new cards on this study day only.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { syncBundledDecks } from '../../src/adapters/bundled-decks.ts';
import { Store } from '../../src/adapters/store.ts';
import { Library } from '../../src/state/library.svelte.ts';
import { ReviewSession } from '../../src/state/review-session.svelte.ts';
import { loadStudyContext } from '../../src/state/study-context.ts';
import { deckCard, deckFile, fakeDeckServer, FakeClock } from '../support/fixtures.ts';
import { storedProblems } from '../support/invariants.ts';

let counter = 0;
const DAY = 86_400_000;

async function setup() {
  const name = `study-more-${++counter}`;
  const store = await Store.open(name);
  const cards = (deck: string, n: number) => Array.from({ length: n }, (_, i) => deckCard(`${deck}${i}`, `${deck} Q${i}`, `${deck} A${i}`, `${deck}-s${i}`));
  await syncBundledDecks(store, 0, undefined, fakeDeckServer([deckFile('a', cards('a', 25)), deckFile('b', cards('b', 5))]).fetch);
  await store.settings.put('limits', { newPerDay: 20, reviewsPerDay: 200 });
  const clock = new FakeClock(Date.UTC(2026, 4, 1, 10), 120);
  return { name, store, clock };
}

async function learnAll(session: ReviewSession): Promise<number> {
  let learnt = 0;
  while (session.status === 'question') {
    session.reveal();
    await session.rate(4);
    learnt++;
  }
  return learnt;
}

describe('limits and "Learn more today"', () => {
  it('says the overall new-card limit was reached, adds 10 more for today only, and the deck rows follow', async () => {
    const { name, store, clock } = await setup();
    const context = await loadStudyContext(store, clock);
    const session = new ReviewSession(context, null);
    await session.start();
    expect(await learnAll(session)).toBe(20);
    expect(session.summary).toMatchObject({ limitReached: 'new', waitingNew: 10, newPerDay: 20 });

    const library = new Library(context);
    await library.refresh();
    expect(library.totals.fresh).toBe(0);
    // Regression: the rows promised new cards the header and the session could not give.
    expect(library.tree.map((n) => n.counts.fresh)).toEqual([0, 0]);

    await session.studyMore(10);
    expect(session.counts.fresh).toBe(10);
    expect(await learnAll(session)).toBe(10);
    expect(session.summary).toMatchObject({ limitReached: null, waitingNew: 0 });
    session.dispose();
    expect(await storedProblems(name)).toEqual([]);
  });

  it('the extra cards belong to the day they were asked on: the next day has its usual limit', async () => {
    const { store, clock } = await setup();
    const context = await loadStudyContext(store, clock);
    const first = new ReviewSession(context, ['a']);
    await first.start();
    await learnAll(first);
    await first.studyMore(2);
    expect(first.counts.fresh).toBe(2);
    first.dispose();

    clock.advance(DAY);
    const reopened = await loadStudyContext(store, clock);
    expect(reopened.extraNew).toMatchObject({ count: 2 });
    const library = new Library(reopened);
    await library.refresh();
    // 25 + 5 cards, 20 learnt: 10 unseen, all within a fresh day's limit of 20.
    expect(library.totals.fresh).toBe(10);
    const next = new ReviewSession(reopened, ['a']);
    await next.start();
    expect(next.counts.fresh).toBe(5);
    next.dispose();
  });
});
