/** The records Repaso keeps per deck and card, as stored in IndexedDB and written to backups. */
import type { CardState, Rating } from './scheduler.ts';
import type { DeckMeta } from './types.ts';

export interface DeckRecord extends DeckMeta {
  /** Content hash of the deck file last loaded; an unchanged bundled deck is not loaded again. */
  hash: string;
  origin: 'bundled' | 'imported';
  cardCount: number;
  /** How many of its cards have a state record (reviewed, suspended or buried at least once). */
  tracked: number;
  /** Cards no longer in the notes, kept with their history until the user purges them. */
  retired?: number;
  updatedAt: number;
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
  /** The deck id while the card is a leech, for the sparse `leech` index. */
  leechOf?: string;
  /**
   * The deck id while the user chose never to see the card again ("Never show this card"), for the sparse `hidden`
   * index. A hidden card is also suspended; it stays hidden through every later import of its notes, as its id
   * follows its key.
   */
  hiddenOf?: string;
  /** The card left the notes: no `queueDue`, history kept; revived when it comes back. */
  retired?: boolean;
}

export interface ReviewLogRecord {
  id?: number;
  cardId: string;
  deckId: string;
  rating: Rating;
  time: number;
  durationMs: number;
  /** The card's whole record before this review (null: never reviewed), so undo restores it exactly. */
  before: StateRecord | null;
  after: CardState;
  elapsedDays: number;
  /** The day shift the scheduler used (see dayShift), so replaying the log reproduces the state exactly. */
  shift: number;
}
