/**
 * The schema's history: how each version of the database becomes the next. Loaded only when the database on
 * this device is older than this code, so the first card never waits for it (a new one is made by createSchema).
 */
import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { LegacyLogRecord } from '../core/log-pages.ts';
import type { MigrationHelpers, RepasoSchema } from './db-schema.ts';

type UpgradeTx = IDBPTransaction<RepasoSchema, ArrayLike<StoreNames<RepasoSchema>>, 'versionchange'>;

/** The stores of version 6 that version 7 replaced, as the migration reads them. */
interface LegacyStores {
  log: { getAll(): Promise<LegacyLogRecord[]> };
}

/** A step's returned promise ends with its last request: the next step starts after it, so two steps that rewrite
 * the same records never write from a stale read of each other's. */
type Step = (db: IDBPDatabase<RepasoSchema>, tx: UpgradeTx) => void | Promise<void>;

/**
 * The ladder: step n turns a version n-1 database into version n. Never edit a released step; add one. The code
 * it shares with the review path comes in as `helpers` (db-schema.ts migrationHelpers): imported here, the bundler
 * would move it out of the first card's chunk into chunks of its own, which the first card then loads as well.
 */
export function ladder({ groupByPage, legacyEvent, pageOf, withEvents, randomId, DEVICE_KEY, COUNTER_KEY }: MigrationHelpers): {
  steps: Step[];
  upgrade: (db: IDBPDatabase<RepasoSchema>, oldVersion: number, newVersion: number, tx: UpgradeTx) => void;
} {
  const steps: Step[] = [
    () => {},
    // 1: the first schema.
    (db) => {
      db.createObjectStore('decks', { keyPath: 'id' });
      db.createObjectStore('cardRefs', { keyPath: 'deckId' });
      db.createObjectStore('cardBodies', { keyPath: 'deckId' });
      const states = db.createObjectStore('states', { keyPath: 'cardId' });
      states.createIndex('due', 'queueDue');
      states.createIndex('deck' as never, 'deckId');
      const log = (db as unknown as IDBPDatabase).createObjectStore('log', { keyPath: 'id', autoIncrement: true });
      log.createIndex('card', 'cardId');
      log.createIndex('time', 'time');
      db.createObjectStore('settings', { keyPath: 'key' });
    },
    // 2: leeches become visible per deck without scanning states; existing leeches are indexed too.
    (_db, tx) => {
      const states = tx.objectStore('states');
      states.createIndex('leech', 'leechOf');
      return (async () => {
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
    // 7: the log in pages of one device's study day, events with ids of this device; today's log becomes its pages.
    (db, tx) => {
      const pages = db.createObjectStore('logPages', { keyPath: 'id' });
      pages.createIndex('card', 'cards', { multiEntry: true });
      pages.createIndex('day', 'day');
      pages.createIndex('device', 'device');
      pages.createIndex('written' as never, ['device', 'lastSeq']);
      const device = randomId();
      const legacy = (tx as unknown as { objectStore(name: 'log'): LegacyStores['log'] }).objectStore('log');
      return (async () => {
        // Old ids become this device's counter: the order reviews were logged in is kept, and so is undo's.
        const entries = await legacy.getAll();
        let counter = 0;
        const events = entries.map((entry) => {
          counter = Math.max(counter, entry.id);
          return legacyEvent(entry, device);
        });
        for (const page of groupByPage(events).values()) void pages.put(withEvents(undefined, page.device, page.day, page.events));
        void tx.objectStore('meta').put({ key: DEVICE_KEY, value: device });
        void tx.objectStore('meta').put({ key: COUNTER_KEY, value: String(counter) });
        db.deleteObjectStore('log' as never);
      })();
    },
    // 8: pages keep their day's totals in the key of an index, for the statistics; the per-device watermark into the
    // log that the statistics' cache of day totals needed goes, and so does that cache.
    (_db, tx) => {
      const pages = tx.objectStore('logPages');
      pages.deleteIndex('written' as never);
      pages.createIndex('totals', 'totals');
      void tx.objectStore('settings').delete('statsCache');
      return (async () => {
        for (let cursor = await pages.openCursor(); cursor; cursor = await cursor.continue()) {
          const { device, day, events } = cursor.value;
          void cursor.update(pageOf(device, day, events));
        }
      })();
    },
    // 9: the statistics count states from indexes instead of reading all 20,000: the deck index also keys the phase
    // (one index still, so a restore writes no more), and the few records out of the queue get the sparse `parked`
    // index (core/queue-rule.ts).
    (_db, tx) => {
      const states = tx.objectStore('states');
      states.deleteIndex('deck' as never);
      states.createIndex('phaseDeck', ['fsrs.phase', 'deckId']);
      states.createIndex('parked', 'parkedOf');
      return (async () => {
        for (let cursor = await states.openCursor(); cursor; cursor = await cursor.continue()) {
          const { queueDue, deckId } = cursor.value;
          if (queueDue === undefined) void cursor.update({ ...cursor.value, parkedOf: deckId });
        }
      })();
    },
  ];
  const upgrade = (db: IDBPDatabase<RepasoSchema>, oldVersion: number, newVersion: number, tx: UpgradeTx) => {
    // Each step runs once the one before has had its requests answered. The transaction stays active meanwhile: a
    // step starts in a microtask of the event that answered the last request.
    let previous: Promise<void> = Promise.resolve();
    for (let version = oldVersion + 1; version <= newVersion; version++) previous = previous.then(() => steps[version]!(db, tx));
    previous.catch(() => tx.abort());
  };
  return { steps, upgrade };
}
