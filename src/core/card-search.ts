/**
 * The card browser's search: every card of the collection, found by words (accent- and case-insensitive, over
 * question, answer and breadcrumb), filtered by deck, state, due and lapses, and sorted. Pure; time passed in.
 */
import type { CardBody, CardRef } from './deck-content.ts';
import { statusOf, type CardStatus } from './card-record.ts';
import type { StateRecord } from './records.ts';

export interface CollectionCard {
  ref: CardRef;
  deckId: string;
  body: CardBody;
  state: StateRecord | undefined;
}

/** One card as the browser lists it: what the filters and sorts look at, computed once when the list is read. */
export interface BrowseRow {
  card: CollectionCard;
  status: CardStatus;
  /** When it is next shown (null: not in the queue — suspended, hidden, retired, or new and never scheduled). */
  due: number | null;
  lapses: number;
  difficulty: number;
  /** When the card entered the collection (0 when it was imported before Repaso kept it). */
  added: number;
  /** Position in its deck, so equal cards keep note order. */
  order: number;
  /** Question, answer and breadcrumb, accent-folded and lower-case. */
  text: string;
}

export const STATE_FILTERS = ['all', 'new', 'learning', 'review', 'relearning', 'suspended', 'buried', 'hidden', 'retired', 'leech'] as const;
export type StateFilter = (typeof STATE_FILTERS)[number];
export const DUE_FILTERS = ['any', 'today', 'overdue', 'later'] as const;
export type DueFilter = (typeof DUE_FILTERS)[number];
export const LAPSE_FILTERS = [0, 1, 3, 8] as const;
export type LapseFilter = (typeof LAPSE_FILTERS)[number];
export const SORTS = ['due', 'lapses', 'difficulty', 'added'] as const;
export type BrowseSort = (typeof SORTS)[number];

export interface BrowseQuery {
  text: string;
  /** The decks to look in (a deck and its sub-decks), or null for all. */
  decks: ReadonlySet<string> | null;
  state: StateFilter;
  due: DueFilter;
  /** At least this many lapses (0: any). */
  lapses: LapseFilter;
  sort: BrowseSort;
}

export const EMPTY_QUERY: BrowseQuery = { text: '', decks: null, state: 'all', due: 'any', lapses: 0, sort: 'due' };

export function browseRows(cards: readonly CollectionCard[], now: number): BrowseRow[] {
  const order = new Map<string, number>();
  return cards.map((card) => {
    const position = order.get(card.deckId) ?? 0;
    order.set(card.deckId, position + 1);
    return rowOf(card, now, position);
  });
}

function rowOf(card: CollectionCard, now: number, order: number): BrowseRow {
  const { body } = card;
  return { ...stateOfRow(card, now), card, added: card.ref.added ?? 0, order, text: foldSearch(`${body.question}\n${body.answer}\n${body.context.join(' ')}`) };
}

/** What of a row follows the card's state: its status, due date, lapses and difficulty. */
function stateOfRow({ state, ref }: CollectionCard, now: number): Pick<BrowseRow, 'status' | 'due' | 'lapses' | 'difficulty'> {
  return {
    status: statusOf(state, ref.retired === true, now),
    due: state?.queueDue ?? null,
    lapses: state?.fsrs.lapses ?? 0,
    difficulty: state?.fsrs.difficulty ?? 0,
  };
}

/** A row again after an action changed its card's state: same place, same text (nothing is folded again). */
export function withState(row: BrowseRow, state: StateRecord | undefined, now: number): BrowseRow {
  const card = { ...row.card, state };
  return { ...row, ...stateOfRow(card, now), card };
}

function foldSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function matchesState(status: CardStatus, filter: StateFilter): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'suspended':
    case 'buried':
    case 'hidden':
    case 'retired':
    case 'leech':
      return status[filter];
    default:
      return status.phase === filter;
  }
}

function matchesDue(row: BrowseRow, filter: DueFilter, day: { dayStart: number; dayEnd: number }): boolean {
  if (filter === 'any') return true;
  if (row.due === null || row.status.phase === 'new') return false;
  if (filter === 'today') return row.due < day.dayEnd;
  if (filter === 'overdue') return row.due < day.dayStart;
  return row.due >= day.dayEnd;
}

const SORTERS: Record<BrowseSort, (a: BrowseRow, b: BrowseRow) => number> = {
  // Soonest first; cards with no due date (new, suspended) after every scheduled one.
  due: (a, b) => (a.due ?? Infinity) - (b.due ?? Infinity),
  lapses: (a, b) => b.lapses - a.lapses,
  difficulty: (a, b) => b.difficulty - a.difficulty,
  added: (a, b) => b.added - a.added,
};

/** The rows that match, sorted; ties keep deck and note order (the rows' order as read). */
export function searchRows(rows: readonly BrowseRow[], query: BrowseQuery, day: { dayStart: number; dayEnd: number }): BrowseRow[] {
  const words = foldSearch(query.text).split(/\s+/).filter(Boolean);
  const found: { row: BrowseRow; index: number }[] = [];
  rows.forEach((row, index) => {
    if (query.decks && !query.decks.has(row.card.deckId)) return;
    if (!matchesState(row.status, query.state) || !matchesDue(row, query.due, day) || row.lapses < query.lapses) return;
    for (const word of words) if (!row.text.includes(word)) return;
    found.push({ row, index });
  });
  const sorter = SORTERS[query.sort];
  found.sort((a, b) => sorter(a.row, b.row) || a.index - b.index);
  return found.map((f) => f.row);
}

export { plainText } from './plain-text.ts';
