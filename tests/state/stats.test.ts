import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { Store } from '../../src/adapters/store.ts';
import { purgeRetired } from '../../src/adapters/store-import.ts';
import { memoryContent, replaceAll } from '../../src/adapters/store-backup.ts';
import { ReviewSession } from '../../src/state/review-session.svelte.ts';
import { loadStats } from '../../src/state/stats.ts';
import { loadStudyContext } from '../../src/state/study-context.ts';
import { simulatedHistory } from '../support/history.ts';
import { FakeClock } from '../support/fixtures.ts';

let counter = 0;
const NOW = Date.UTC(2026, 10, 28, 12);

async function setup() {
  const store = await Store.open(`stats-${++counter}`);
  const history = simulatedHistory({ now: NOW, days: 40, cards: 120 });
  await replaceAll(store, memoryContent(history));
  const clock = new FakeClock(NOW + 60_000);
  return { store, clock, history, context: await loadStudyContext(store, clock) };
}

describe('statistics from the store', () => {
  it('count every review of the year, today’s and its undos too, from the pages’ totals', async () => {
    const { store, clock, history, context } = await setup();
    const first = await loadStats(context);
    expect(first.reviewsInYear).toBe(history.log.length);
    expect(first.heatmap.filter((d) => d.count > 0).length).toBeGreaterThan(30);

    const session = new ReviewSession(await loadStudyContext(store, clock), null);
    await session.start();
    session.reveal();
    await session.rate(3);
    expect((await loadStats(context)).reviewsInYear).toBe(history.log.length + 1);
    await session.undo();
    session.dispose();
    const again = await loadStats(context);
    expect(again.reviewsInYear).toBe(history.log.length);
    expect(again.heatmap).toEqual(first.heatmap);
  });

  it('no longer count the reviews of retired cards purged with their history', async () => {
    const store = await Store.open(`stats-${++counter}`);
    const history = simulatedHistory({ now: NOW, days: 40, cards: 120 });
    // The first card left the notes: retired, with its history.
    history.cardRefs[0]!.refs[0]!.retired = true;
    const state = history.states.find((s) => s.cardId === history.cardRefs[0]!.refs[0]!.id)!;
    state.retired = true;
    delete state.queueDue;
    Object.assign(history.decks[0]!, { retired: 1, cardCount: 119 });
    await replaceAll(store, memoryContent(history));
    const context = await loadStudyContext(store, new FakeClock(NOW + 60_000));
    expect((await loadStats(context)).reviewsInYear).toBe(history.log.length);

    expect(await purgeRetired(store)).toBe(1);
    const purgedReviews = history.log.filter((r) => r.cardId === state.cardId).length;
    expect(purgedReviews).toBeGreaterThan(0);
    expect((await loadStats(context)).reviewsInYear).toBe(history.log.length - purgedReviews);
  });
});
