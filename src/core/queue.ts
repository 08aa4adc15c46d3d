/**
 * What to study today, in what order. Pure: the caller passes the cards, their states, what was already done
 * today and the time.
 */
import type { CardState, Phase } from './scheduler.ts';

export interface Limits {
  newPerDay: number;
  reviewsPerDay: number;
}

export const DEFAULT_LIMITS: Limits = { newPerDay: 20, reviewsPerDay: 200 };
export const LEECH_THRESHOLD = 8;
/** Like Anki: when nothing else is left, learning cards due within this window are shown early. */
export const LEARN_AHEAD_MS = 20 * 60_000;

export interface Schedulable {
  id: string;
  deckId: string;
  /** Cards from the same section are siblings; they are kept apart when possible. */
  section: string;
}

export interface Tracked {
  state: CardState;
  suspended: boolean;
  /** Epoch ms until which the card is buried (0: not buried). */
  buriedUntil: number;
}

export interface DoneToday {
  newCards: number;
  reviews: number;
}

/** What a day's log says was done per deck: new cards introduced and review cards answered. */
export function doneToday(log: readonly { deckId: string; beforePhase: Phase | null }[]): Map<string, DoneToday> {
  const done = new Map<string, DoneToday>();
  for (const entry of log) {
    const d = done.get(entry.deckId) ?? { newCards: 0, reviews: 0 };
    if (entry.beforePhase === null || entry.beforePhase === 'new') d.newCards++;
    else if (entry.beforePhase === 'review') d.reviews++;
    done.set(entry.deckId, d);
  }
  return done;
}

/** What was done today over several decks, added up. */
export function sumDone(done: Iterable<DoneToday>): DoneToday {
  let total: DoneToday = { newCards: 0, reviews: 0 };
  for (const d of done) total = { newCards: total.newCards + d.newCards, reviews: total.reviews + d.reviews };
  return total;
}

export interface QueueInput<C extends Schedulable> {
  /** Decks in display order, each with its cards in note order. */
  decks: { id: string; cards: C[]; limits: Limits }[];
  /** States of the cards that may be due today (from the store's due index). */
  tracked: ReadonlyMap<string, Tracked>;
  /** Every card with a state record: a card in here but not in `tracked` is not due today, and is not new. */
  seen: ReadonlySet<string>;
  doneByDeck: ReadonlyMap<string, DoneToday>;
  limits: Limits;
  now: number;
  /** Start of the next study day. */
  dayEnd: number;
}

export interface QueueEntry<C extends Schedulable> {
  card: C;
  state: CardState | null;
  due: number;
}

export interface Queue<C extends Schedulable> {
  learning: QueueEntry<C>[];
  reviews: QueueEntry<C>[];
  fresh: QueueEntry<C>[];
}

export function isActive(tracked: Tracked | undefined, now: number): boolean {
  return !tracked || (!tracked.suspended && tracked.buriedUntil <= now);
}

export function buildQueue<C extends Schedulable>(input: QueueInput<C>): Queue<C> {
  const { now, dayEnd, tracked } = input;
  const learning: QueueEntry<C>[] = [];
  const reviews: QueueEntry<C>[] = [];
  const freshByDeck: QueueEntry<C>[][] = [];
  const totalDone = sumDone(input.doneByDeck.values());

  for (const deck of input.decks) {
    const done = input.doneByDeck.get(deck.id) ?? { newCards: 0, reviews: 0 };
    const deckReviews: QueueEntry<C>[] = [];
    const deckFresh: QueueEntry<C>[] = [];
    const newRoom = Math.max(0, deck.limits.newPerDay - done.newCards);
    for (const card of deck.cards) {
      const record = tracked.get(card.id);
      if (!record && input.seen.has(card.id)) continue;
      if (!isActive(record, now)) continue;
      if (!record) {
        if (deckFresh.length < newRoom) deckFresh.push({ card, state: null, due: 0 });
        continue;
      }
      const { state } = record;
      if (state.due >= dayEnd) continue;
      if (state.phase === 'learning' || state.phase === 'relearning') learning.push({ card, state, due: state.due });
      else if (state.phase === 'review') deckReviews.push({ card, state, due: state.due });
      else if (deckFresh.length < newRoom) deckFresh.push({ card, state, due: 0 }); // suspended-then-restored new card
    }
    deckReviews.sort(byDue);
    reviews.push(...deckReviews.slice(0, Math.max(0, deck.limits.reviewsPerDay - done.reviews)));
    freshByDeck.push(deckFresh);
  }
  learning.sort(byDue);
  reviews.sort(byDue);
  const reviewRoom = Math.max(0, input.limits.reviewsPerDay - totalDone.reviews);
  const newRoom = Math.max(0, input.limits.newPerDay - totalDone.newCards);
  return {
    learning,
    reviews: separateSiblings(reviews.slice(0, reviewRoom)),
    fresh: separateSiblings(roundRobin(freshByDeck).slice(0, newRoom)),
  };
}

function byDue<C extends Schedulable>(a: QueueEntry<C>, b: QueueEntry<C>): number {
  return a.due - b.due;
}

/** One card from each deck in turn, each deck in note order. */
function roundRobin<T>(lists: T[][]): T[] {
  const out: T[] = [];
  const longest = Math.max(0, ...lists.map((l) => l.length));
  for (let i = 0; i < longest; i++) for (const list of lists) if (i < list.length) out.push(list[i]!);
  return out;
}

/** Reorders as little as possible so that no two neighbours share a section, when that can be avoided. */
export function separateSiblings<C extends Schedulable>(entries: QueueEntry<C>[]): QueueEntry<C>[] {
  const out = [...entries];
  for (let i = 1; i < out.length; i++) {
    if (out[i]!.card.section !== out[i - 1]!.card.section) continue;
    const swap = out.findIndex((e, j) => j > i && e.card.section !== out[i - 1]!.card.section);
    if (swap < 0) break;
    const [moved] = out.splice(swap, 1);
    out.splice(i, 0, moved!);
  }
  return out;
}

export type Pick<C extends Schedulable> = { entry: QueueEntry<C>; from: keyof Queue<C> } | { waitUntil: number } | null;

/**
 * The next card: learning cards due now, then reviews, then new cards; learning cards due within the learn-ahead
 * window when nothing else is left. `lastSection` keeps siblings apart. Null when the day is done.
 */
export function pickNext<C extends Schedulable>(queue: Queue<C>, now: number, lastSection: string | null): Pick<C> {
  const dueLearning = queue.learning.filter((e) => e.due <= now);
  if (dueLearning.length > 0) return { entry: preferOtherSection(dueLearning, lastSection), from: 'learning' };
  if (queue.reviews.length > 0) return { entry: preferOtherSection(queue.reviews, lastSection), from: 'reviews' };
  if (queue.fresh.length > 0) return { entry: preferOtherSection(queue.fresh, lastSection), from: 'fresh' };
  const soonest = queue.learning[0];
  if (!soonest) return null;
  if (soonest.due <= now + LEARN_AHEAD_MS) return { entry: soonest, from: 'learning' };
  return { waitUntil: soonest.due };
}

function preferOtherSection<C extends Schedulable>(entries: QueueEntry<C>[], lastSection: string | null): QueueEntry<C> {
  if (lastSection === null) return entries[0]!;
  return entries.find((e) => e.card.section !== lastSection) ?? entries[0]!;
}

/** The queue after `card` was answered and got `state`. */
export function afterAnswer<C extends Schedulable>(queue: Queue<C>, card: C, state: CardState, dayEnd: number): Queue<C> {
  const without = (list: QueueEntry<C>[]) => list.filter((e) => e.card.id !== card.id);
  const learning = without(queue.learning);
  if ((state.phase === 'learning' || state.phase === 'relearning') && state.due < dayEnd) {
    learning.push({ card, state, due: state.due });
    learning.sort(byDue);
  }
  return { learning, reviews: without(queue.reviews), fresh: without(queue.fresh) };
}

/** Anki's rule: a card becomes a leech at the threshold's lapse and again every half threshold after it. */
export function becomesLeech(before: CardState | null, after: CardState, threshold = LEECH_THRESHOLD): boolean {
  if (after.lapses <= (before?.lapses ?? 0) || after.lapses < threshold) return false;
  return (after.lapses - threshold) % Math.max(1, Math.floor(threshold / 2)) === 0;
}

export interface QueueCounts {
  learning: number;
  reviews: number;
  fresh: number;
}

export function countQueue<C extends Schedulable>(queue: Queue<C>): QueueCounts {
  return { learning: queue.learning.length, reviews: queue.reviews.length, fresh: queue.fresh.length };
}
