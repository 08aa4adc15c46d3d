import { describe, expect, it } from 'vitest';
import { afterAnswer, becomesLeech, buildQueue, LEARN_AHEAD_MS, pickNext, type Schedulable, type Tracked } from '../../src/core/queue.ts';
import type { CardState, Phase } from '../../src/core/scheduler.ts';

const NOW = Date.UTC(2026, 3, 10, 9);
const DAY_END = Date.UTC(2026, 3, 11, 4);
const MIN = 60_000;

function state(phase: Phase, due: number, lapses = 0): CardState {
  return { phase, due, stability: 3, difficulty: 5, elapsedDays: 0, scheduledDays: 1, learningSteps: 0, reps: 3, lapses, lastReview: NOW - 86_400_000 };
}

function cards(deckId: string, n: number, sectionOf = (i: number) => `s${i}`): Schedulable[] {
  return Array.from({ length: n }, (_, i) => ({ id: `${deckId}-${i}`, deckId, section: `${deckId}/${sectionOf(i)}` }));
}

const limits = { newPerDay: 20, reviewsPerDay: 200 };

function queue(decks: { id: string; cards: Schedulable[] }[], tracked: Record<string, Tracked>, overrides: Partial<Parameters<typeof buildQueue>[0]> = {}) {
  return buildQueue({
    decks: decks.map((d) => ({ ...d, limits })),
    tracked: new Map(Object.entries(tracked)),
    seen: new Set(Object.keys(tracked)),
    doneByDeck: new Map(),
    limits,
    now: NOW,
    dayEnd: DAY_END,
    ...overrides,
  });
}

const track = (s: CardState, extra: Partial<Tracked> = {}): Tracked => ({ state: s, suspended: false, buriedUntil: 0, ...extra });

describe('building the day queue', () => {
  it('puts due learning cards first, then reviews most overdue first, then new cards in note order', () => {
    const a = cards('a', 6);
    const q = queue([{ id: 'a', cards: a }], {
      'a-0': track(state('review', NOW - 3 * 86_400_000)),
      'a-1': track(state('review', NOW - 9 * 86_400_000)),
      'a-2': track(state('learning', NOW - MIN)),
      'a-3': track(state('review', DAY_END + 1)),
    });
    expect(q.learning.map((e) => e.card.id)).toEqual(['a-2']);
    expect(q.reviews.map((e) => e.card.id)).toEqual(['a-1', 'a-0']);
    expect(q.fresh.map((e) => e.card.id)).toEqual(['a-4', 'a-5']);
    expect(pickNext(q, NOW, null)).toMatchObject({ from: 'learning', entry: { card: { id: 'a-2' } } });
  });

  it('interleaves new cards of several decks, each in note order', () => {
    const q = queue(
      [
        { id: 'a', cards: cards('a', 3) },
        { id: 'b', cards: cards('b', 2) },
      ],
      {},
    );
    expect(q.fresh.map((e) => e.card.id)).toEqual(['a-0', 'b-0', 'a-1', 'b-1', 'a-2']);
  });

  it('respects new and review limits per deck and overall, counting what was done today', () => {
    const a = cards('a', 40);
    const tracked: Record<string, Tracked> = {};
    for (let i = 0; i < 30; i++) tracked[`a-${i}`] = track(state('review', NOW - i * MIN));
    const q = buildQueue({
      decks: [{ id: 'a', cards: a, limits: { newPerDay: 5, reviewsPerDay: 12 } }],
      tracked: new Map(Object.entries(tracked)),
      seen: new Set(Object.keys(tracked)),
      doneByDeck: new Map([['a', { newCards: 2, reviews: 4 }]]),
      limits: { newPerDay: 20, reviewsPerDay: 200 },
      now: NOW,
      dayEnd: DAY_END,
    });
    expect(q.fresh).toHaveLength(3);
    expect(q.reviews).toHaveLength(8);
    const overall = queue([{ id: 'a', cards: a }], tracked, { limits: { newPerDay: 1, reviewsPerDay: 2 } });
    expect([overall.fresh.length, overall.reviews.length]).toEqual([1, 2]);
  });

  it('treats a card with a state record that is not due today as neither due nor new', () => {
    const a = cards('a', 2);
    const q = buildQueue({
      decks: [{ id: 'a', cards: a, limits }],
      tracked: new Map(),
      seen: new Set(['a-0']),
      doneByDeck: new Map(),
      limits,
      now: NOW,
      dayEnd: DAY_END,
    });
    expect([...q.reviews, ...q.fresh].map((e) => e.card.id)).toEqual(['a-1']);
  });

  it('leaves out suspended cards and buried cards until their burial ends', () => {
    const a = cards('a', 3);
    const q = queue([{ id: 'a', cards: a }], {
      'a-0': track(state('review', NOW - MIN), { suspended: true }),
      'a-1': track(state('review', NOW - MIN), { buriedUntil: DAY_END }),
    });
    expect([...q.reviews, ...q.fresh].map((e) => e.card.id)).toEqual(['a-2']);
  });

  it('does not show siblings back to back when it can avoid it', () => {
    const a = cards('a', 6, (i) => (i < 3 ? 'x' : 'y'));
    const q = queue([{ id: 'a', cards: a }], {});
    const sections = q.fresh.map((e) => e.card.section);
    for (let i = 1; i < sections.length; i++) expect(sections[i]).not.toBe(sections[i - 1]);
  });
});

describe('picking the next card', () => {
  it('shows a learning card early only when nothing else is left, within 20 minutes', () => {
    const a = cards('a', 1);
    const soon = queue([{ id: 'a', cards: a }], { 'a-0': track(state('learning', NOW + LEARN_AHEAD_MS - 1)) });
    expect(pickNext(soon, NOW, null)).toMatchObject({ from: 'learning' });
    const later = queue([{ id: 'a', cards: a }], { 'a-0': track(state('learning', NOW + LEARN_AHEAD_MS + MIN)) });
    expect(pickNext(later, NOW, null)).toEqual({ waitUntil: NOW + LEARN_AHEAD_MS + MIN });
    expect(pickNext(queue([], {}), NOW, null)).toBeNull();
  });

  it('prefers a card from another section than the last one', () => {
    const a = cards('a', 3, (i) => (i < 2 ? 'x' : 'y'));
    const q = queue([{ id: 'a', cards: a }], {});
    expect(pickNext(q, NOW, 'a/x')).toMatchObject({ entry: { card: { section: 'a/y' } } });
  });

  it('brings an answered card back when it is still learning today, and drops it otherwise', () => {
    const a = cards('a', 2);
    const q = queue([{ id: 'a', cards: a }], {});
    const learning = afterAnswer(q, a[0]!, state('learning', NOW + 10 * MIN), DAY_END);
    expect(learning.learning.map((e) => e.card.id)).toEqual(['a-0']);
    expect(learning.fresh.map((e) => e.card.id)).toEqual(['a-1']);
    const graduated = afterAnswer(learning, a[0]!, state('review', NOW + 3 * 86_400_000), DAY_END);
    expect(graduated.learning).toEqual([]);
  });
});

describe('leeches', () => {
  it('are flagged at 8 lapses and every 4 after', () => {
    const lapse = (from: number) => becomesLeech(state('review', NOW, from), state('relearning', NOW, from + 1));
    expect([6, 7, 8, 10, 11].map(lapse)).toEqual([false, true, false, false, true]);
    expect(becomesLeech(state('review', NOW, 8), state('review', NOW, 8))).toBe(false);
  });
});
