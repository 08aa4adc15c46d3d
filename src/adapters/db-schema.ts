import type { DBSchema, IDBPDatabase } from 'idb';
import type { CardBody, CardRef } from '../core/deck-content.ts';
import type { Phase } from '../core/scheduler.ts';
import { groupByPage, legacyEvent, pageOf, withEvents, type LogPage, type PageTotals } from '../core/log-pages.ts';
import { randomId } from './ids.ts';
import type { DeckRecord, ReviewLogEntry, ReviewLogRecord, StateRecord } from '../core/records.ts';

export type { DeckRecord, LogPage, ReviewLogEntry, ReviewLogRecord, StateRecord };

export const DB_NAME = 'repaso';
export const DB_VERSION = 9;

export const mediaKey = (deckId: string, path: string) => `${deckId}\n${path}`;

export interface RepasoSchema extends DBSchema {
  decks: { key: string; value: DeckRecord };
  cardRefs: { key: string; value: { deckId: string; refs: CardRef[] } };
  cardBodies: { key: string; value: { deckId: string; bodies: CardBody[] } };
  states: { key: string; value: StateRecord; indexes: { due: number; phaseDeck: [Phase, string]; parked: string; leech: string; deckDue: [string, number]; hidden: string } };
  /** The review log in pages (see core/log-pages.ts); before version 7, one record per review in `log`. */
  logPages: { key: string; value: LogPage; indexes: { card: string; day: number; device: string; totals: PageTotals } };
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
/**
 * This copy's device id, which every event it logs carries, and the counter of its last event. Both in `meta`: a
 * restore makes a new device (its events keep their old ids, and new ones must never collide with them).
 */
export const DEVICE_KEY = 'device';
export const COUNTER_KEY = 'logCounter';

/**
 * A new database, made at this version in one step. The ladder of db-migrations.ts makes the same from version 1
 * (a test compares them), but only older databases need it, so the first card does not wait for its code.
 */
export function createSchema(db: IDBPDatabase<RepasoSchema>): void {
  db.createObjectStore('decks', { keyPath: 'id' });
  db.createObjectStore('cardRefs', { keyPath: 'deckId' });
  db.createObjectStore('cardBodies', { keyPath: 'deckId' });
  const states = db.createObjectStore('states', { keyPath: 'cardId' });
  states.createIndex('due', 'queueDue');
  states.createIndex('phaseDeck', ['fsrs.phase', 'deckId']);
  states.createIndex('parked', 'parkedOf');
  states.createIndex('leech', 'leechOf');
  states.createIndex('deckDue', ['deckId', 'queueDue']);
  states.createIndex('hidden', 'hiddenOf');
  const pages = db.createObjectStore('logPages', { keyPath: 'id' });
  pages.createIndex('card', 'cards', { multiEntry: true });
  pages.createIndex('day', 'day');
  pages.createIndex('device', 'device');
  pages.createIndex('totals', 'totals');
  db.createObjectStore('settings', { keyPath: 'key' });
  db.createObjectStore('media', { keyPath: 'key' }).createIndex('deck', 'deckId');
  db.createObjectStore('meta', { keyPath: 'key' });
}

/** What the migrations (db-migrations.ts) share with the review path. */
export const migrationHelpers = { groupByPage, legacyEvent, pageOf, withEvents, randomId, DEVICE_KEY, COUNTER_KEY };
export type MigrationHelpers = typeof migrationHelpers;
