// Issue 13, item 6: the done screen tells the day — cards and time, today's retention, the streak.
import 'fake-indexeddb/auto';
import { eventDay } from '../../src/core/log-pages.ts';
import { describe, expect, it } from 'vitest';
import { syncBundledDecks } from '../../src/adapters/bundled-decks.ts';
import { Store } from '../../src/adapters/store.ts';
import { ReviewSession } from '../../src/state/review-session.svelte.ts';
import { dayWindow, loadStudyContext } from '../../src/state/study-context.ts';
import { deckCard, deckFile, fakeDeckServer, FakeClock } from '../support/fixtures.ts';

const DAY = 86_400_000;
let counter = 0;

async function studyDay(store: Store, clock: FakeClock, rating: (i: number) => 1 | 3 | 4) {
  const session = new ReviewSession(await loadStudyContext(store, clock), null);
  await session.start();
  for (let i = 0; session.status === 'question'; i++) {
    session.reveal();
    clock.time += 8_000;
    await session.rate(rating(i));
  }
  session.dispose();
  return session.summary!;
}

describe('the done screen', () => {
  it("counts today's cards and time, the review cards remembered, and the days in a row", async () => {
    const store = await Store.open(`done-summary-${++counter}`);
    const clock = new FakeClock(Date.UTC(2026, 4, 1, 10), 120);
    const cards = Array.from({ length: 4 }, (_, i) => deckCard(`c${i}`, `Q${i}`, `A${i}`, `s${i}`));
    await syncBundledDecks(store, clock.now(), undefined, fakeDeckServer([deckFile('d', cards)]).fetch);

    const first = await studyDay(store, clock, () => 4);
    expect(first.today).toEqual({ reviews: 4, ms: 4 * 8_000 });
    // Only new cards today: no review card, so no retention yet.
    expect(first.retention).toBeNull();
    expect(first.streak).toBe(1);

    // Days later, the cards are due as review cards: one forgotten of four.
    clock.time += 20 * DAY;
    const later = await studyDay(store, clock, (i) => (i === 0 ? 1 : 3));
    expect(later.retention).toMatchObject({ passed: 3, total: 4 });
    // A gap of days breaks the streak.
    expect(later.streak).toBe(1);

    // The next morning, before any review, the streak still counts yesterday; a day missed and it is over.
    clock.time += DAY;
    const today = async () => {
      const window = dayWindow(await loadStudyContext(store, clock));
      return eventDay({ time: window.dayStart, shift: window.shift });
    };
    expect(await store.log.streak(await today())).toBe(1);
    clock.time += DAY;
    expect(await store.log.streak(await today())).toBe(0);
  });
});
