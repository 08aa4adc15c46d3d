import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { CardBody, CardRef } from '../core/deck-content.ts';
import type { CardState, Rating } from '../core/scheduler.ts';
import type { DeckMeta } from '../core/types.ts';

export const DB_NAME = 'repaso';
export const DB_VERSION = 4;

export const mediaKey = (deckId: string, path: string) => `${deckId}\n${path}`;

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

export interface RepasoSchema extends DBSchema {
  decks: { key: string; value: DeckRecord };
  cardRefs: { key: string; value: { deckId: string; refs: CardRef[] } };
  cardBodies: { key: string; value: { deckId: string; bodies: CardBody[] } };
  states: { key: string; value: StateRecord; indexes: { due: number; deck: string; leech: string; deckDue: [string, number] } };
  log: { key: number; value: ReviewLogRecord; indexes: { card: string; time: number } };
  settings: { key: string; value: { key: string; value: unknown } };
  /** Images of imported notes, keyed `${deckId}\n${mediaPath}` (bundled decks' images are files of the app). */
  media: { key: string; value: { key: string; deckId: string; bytes: Uint8Array }; indexes: { deck: string } };
}

type UpgradeTx = IDBPTransaction<RepasoSchema, ArrayLike<StoreNames<RepasoSchema>>, 'versionchange'>;

/** The ladder: step n turns a version n-1 database into version n. Never edit a released step; add one. */
export const MIGRATIONS: ((db: IDBPDatabase<RepasoSchema>, tx: UpgradeTx) => void)[] = [
  () => {},
  // 1: the first schema.
  (db) => {
    db.createObjectStore('decks', { keyPath: 'id' });
    db.createObjectStore('cardRefs', { keyPath: 'deckId' });
    db.createObjectStore('cardBodies', { keyPath: 'deckId' });
    const states = db.createObjectStore('states', { keyPath: 'cardId' });
    states.createIndex('due', 'queueDue');
    states.createIndex('deck', 'deckId');
    const log = db.createObjectStore('log', { keyPath: 'id', autoIncrement: true });
    log.createIndex('card', 'cardId');
    log.createIndex('time', 'time');
    db.createObjectStore('settings', { keyPath: 'key' });
  },
  // 2: leeches become visible per deck without scanning states; existing leeches are indexed too.
  (_db, tx) => {
    const states = tx.objectStore('states');
    states.createIndex('leech', 'leechOf');
    void (async () => {
      for (let cursor = await states.openCursor(); cursor; cursor = await cursor.continue()) {
        if (cursor.value.leech && !cursor.value.leechOf) void cursor.update({ ...cursor.value, leechOf: cursor.value.deckId });
      }
    })();
  },
  // 3: one deck's due cards, most overdue first, without reading every deck's.
  (_db, tx) => {
    tx.objectStore('states').createIndex('deckDue', ['deckId', 'queueDue']);
  },
  // 4: images of imported notes, so they show offline.
  (db) => {
    db.createObjectStore('media', { keyPath: 'key' }).createIndex('deck', 'deckId');
  },
];

export function upgrade(db: IDBPDatabase<RepasoSchema>, oldVersion: number, newVersion: number, tx: UpgradeTx): void {
  for (let version = oldVersion + 1; version <= newVersion; version++) MIGRATIONS[version]!(db, tx);
}
