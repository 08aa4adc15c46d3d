import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { CardBody, CardRef } from '../core/deck-content.ts';
import type { DeckRecord, ReviewLogRecord, StateRecord } from '../core/records.ts';

export type { DeckRecord, ReviewLogRecord, StateRecord };

export const DB_NAME = 'repaso';
export const DB_VERSION = 6;

export const mediaKey = (deckId: string, path: string) => `${deckId}\n${path}`;

export interface RepasoSchema extends DBSchema {
  decks: { key: string; value: DeckRecord };
  cardRefs: { key: string; value: { deckId: string; refs: CardRef[] } };
  cardBodies: { key: string; value: { deckId: string; bodies: CardBody[] } };
  states: { key: string; value: StateRecord; indexes: { due: number; deck: string; leech: string; deckDue: [string, number]; hidden: string } };
  log: { key: number; value: ReviewLogRecord; indexes: { card: string; time: number } };
  settings: { key: string; value: { key: string; value: unknown } };
  /** Images of imported notes, keyed `${deckId}\n${mediaPath}` (bundled decks' images are files of the app). */
  media: { key: string; value: { key: string; deckId: string; bytes: Uint8Array }; indexes: { deck: string } };
  /** Facts about this copy of the database, never part of a backup (see GENERATION_KEY). */
  meta: { key: string; value: { key: string; value: string } };
}

/**
 * Which copy of the data this is: replaced by every restore, so a window that read the data before a restore in
 * another window finds out inside its next write and stops instead of writing into the new data. Absent: ''.
 */
export const GENERATION_KEY = 'generation';

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
  // 5: cards the user chose never to see, listed per deck without scanning states (no card was hidden before).
  (_db, tx) => {
    tx.objectStore('states').createIndex('hidden', 'hiddenOf');
  },
  // 6: the database's generation (see GENERATION_KEY); decks gain a revision, absent (0) until their next import.
  (db) => {
    db.createObjectStore('meta', { keyPath: 'key' });
  },
];

export function upgrade(db: IDBPDatabase<RepasoSchema>, oldVersion: number, newVersion: number, tx: UpgradeTx): void {
  for (let version = oldVersion + 1; version <= newVersion; version++) MIGRATIONS[version]!(db, tx);
}
