/** The records Repaso keeps per deck and card, as stored in IndexedDB and written to backups. */
import { FORGET, type CardState, type LogRating, type Phase, type Rating } from './scheduler.ts';
import type { DeckMeta } from './types.ts';

export interface DeckRecord extends DeckMeta {
  /** Content hash of the deck file last loaded; an unchanged bundled deck is not loaded again. */
  hash: string;
  origin: 'bundled' | 'imported';
  cardCount: number;
  /** How many of its cards have a state record (reviewed, suspended or buried at least once). */
  tracked: number;
  /** The folder or zip the deck's note was last imported from (NoteSelection.root), to retire it once it leaves. */
  importRoot?: string;
  /** Cards no longer in the notes, kept with their history until the user purges them. */
  retired?: number;
  updatedAt: number;
  /**
   * Raised by every write that changes the deck's cards (an import, a purge). A write planned on what it read
   * checks it inside its own transaction, so a plan made before another window's import is never applied.
   */
  revision?: number;
}

export interface StateRecord {
  cardId: string;
  deckId: string;
  fsrs: CardState;
  suspended: boolean;
  buriedUntil: number;
  leech: boolean;
  /** When the card is next shown; absent while suspended, so the `due` index only holds schedulable cards. */
  queueDue?: number;
  /**
   * The deck id while the card is out of the queue (suspended or retired): exactly when `queueDue` is absent, for the
   * sparse `parked` index, so the statistics find those few records without reading the rest (core/queue-rule.ts).
   */
  parkedOf?: string;
  /** The deck id while the card is a leech, for the sparse `leech` index. */
  leechOf?: string;
  /**
   * The deck id while the user chose never to see the card again ("Never show this card"), for the sparse `hidden`
   * index. A hidden card is also suspended; it stays hidden through every later import of its notes, as its id
   * follows its key.
   */
  hiddenOf?: string;
  /** Set when the card is hidden because its section is (HiddenSection.id): showing the section again shows it. */
  hiddenSection?: string;
  /** The card left the notes: no `queueDue`, history kept; revived when it comes back. */
  retired?: boolean;
}

/** One event of the review log as the app makes it: a rating, a practice answer, or a "Forget". */
export interface ReviewLogEntry {
  cardId: string;
  deckId: string;
  /** 1–4: a review; FORGET (0): the user chose "Forget" and the card began again as new, not a review. */
  rating: LogRating;
  time: number;
  durationMs: number;
  /**
   * The card's phase before this event (null: it had no record). Only the phase: what statistics and the optimizer's
   * export ask of it. Undo keeps the whole record before in memory, and the state itself is the replay of the log.
   */
  phaseBefore: Phase | null;
  after: CardState;
  elapsedDays: number;
  /** The day shift the scheduler used (see dayShift), so replaying the log reproduces the state exactly. */
  shift: number;
  /** A practice answer (cram, review ahead): logged, but the schedule did not move — `after` is the state before. */
  practice?: true;
}

/**
 * An event as stored (see core/log-pages.ts): the device that logged it and that device's counter, which make its
 * id (`${device}:${seq}`), unique on every device — never an auto-increment key, which two devices would both use.
 */
export interface ReviewLogRecord extends ReviewLogEntry {
  id: string;
  device: string;
  seq: number;
}

/** A log entry that is a review (not a "Forget", not practice): what statistics, daily limits and the optimizer count. */
export function isReview<T extends { rating: LogRating; practice?: true }>(entry: T): entry is T & { rating: Rating } {
  return entry.rating !== FORGET && entry.practice !== true;
}

/**
 * Whether two stored values are the same record, whatever the order of their fields: a field set to undefined
 * counts as absent (IndexedDB keeps both). Used to check, inside a write, that a record is still the one read.
 */
export function sameRecord(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((item, i) => sameRecord(item, other[i]));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
  for (const key of keys) if (!sameRecord(left[key], right[key])) return false;
  return true;
}

/** A deck's revision: raised by every write that changes which cards it holds. Decks stored before it count as 0. */
export function deckRevision(deck: Pick<DeckRecord, 'revision'> | undefined): number | null {
  return deck ? (deck.revision ?? 0) : null;
}
