/**
 * Store operations only the settings screen needs — backup, restore, rescheduling — kept apart so the review
 * path does not load them. Same rules as store.ts: one transaction each, nothing else awaited inside.
 */
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  countedDecks,
  legacyDevice,
  legacyEvent,
  LOG_FILE_REVIEWS,
  type Backup,
  type BackupDocument,
  type LegacyLogRecord,
  type LogRecord,
} from '../core/backup.ts';
import { queued } from '../core/queue-rule.ts';
import { sameRecord } from '../core/records.ts';
import { BackupArchiveWriter, backupLog, backupMedia, type OpenedArchive } from './backup-file.ts';
import { GENERATION_KEY, mediaKey, type ReviewLogRecord, type StateRecord } from './db-schema.ts';
import { randomId } from './ids.ts';
import { allEvents, pageBatches, putEvents, startNewDevice } from './log-history.ts';
import { atomically, guarded, reportedByTransaction } from './store-error.ts';
import { LAST_BACKUP_SETTING } from './settings-repository.ts';
import type { Store } from './store.ts';

/** Every store of the database, in the order a restore writes them. */
const ALL_STORES = ['decks', 'cardRefs', 'cardBodies', 'states', 'logPages', 'settings', 'media'] as const;
const PROGRESS_EVERY = 5000;
/** Pages read at once by a backup: a few months of study. */
const PAGES_PER_READ = 100;

export function markBackedUp(store: Store, now: number): Promise<void> {
  return store.settings.put(LAST_BACKUP_SETTING, now);
}

/** Every event of the log (for the CSV export, rescheduling), in replay order. */
export function allReviews(store: Store): Promise<ReviewLogRecord[]> {
  return guarded(() => allEvents(store.db.transaction('logPages').store));
}

/** Every card's state record, retired and suspended ones included. */
export function allStates(store: Store): Promise<StateRecord[]> {
  return guarded(() => store.db.getAll('states'));
}

/**
 * Everything, as a backup archive, read in one transaction: the review log LOG_FILE_REVIEWS entries at a time, so
 * only one part of it is in memory. The archive already records itself as the last backup: once the file is
 * saved, markBackedUp(now) makes the database say the same, so a restore reproduces the database exactly.
 */
export function exportArchive(store: Store, now: number): Promise<Uint8Array> {
  return guarded(async () => {
    const tx = store.db.transaction(ALL_STORES);
    const [decks, cardRefs, cardBodies, states, stored, media] = await Promise.all([
      tx.objectStore('decks').getAll(),
      tx.objectStore('cardRefs').getAll(),
      tx.objectStore('cardBodies').getAll(),
      tx.objectStore('states').getAll(),
      tx.objectStore('settings').getAll(),
      tx.objectStore('media').getAll(),
    ]);
    const writer = new BackupArchiveWriter();
    // Page after page, a file of about LOG_FILE_REVIEWS events at a time: only one file's events are in memory.
    let part: LogRecord[] = [];
    for await (const pages of pageBatches(tx.objectStore('logPages'), PAGES_PER_READ)) {
      for (const page of pages) for (const event of page.events) part.push(event);
      if (part.length >= LOG_FILE_REVIEWS) {
        writer.addLog(part);
        part = [];
      }
    }
    if (part.length > 0) writer.addLog(part);
    await tx.done;
    const images = media.map((image, i) => {
      const file = `media/${i}`;
      writer.addMedia(file, image.bytes);
      return { deckId: image.deckId, path: image.key.slice(image.deckId.length + 1), file };
    });
    const settings = [...stored.filter((s) => s.key !== LAST_BACKUP_SETTING), { key: LAST_BACKUP_SETTING, value: now }].sort((a, b) => (a.key < b.key ? -1 : 1));
    return writer.finish({ format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: now, decks, cardRefs, cardBodies, states, settings, media: images });
  });
}

/** What a restore writes: a checked document, its review log part by part, and its images by file name. */
export interface RestoreContent {
  document: BackupDocument;
  logParts(): Iterable<readonly LogRecord[]>;
  media(file: string): Uint8Array;
}

/** A backup held in memory as restore content (tests, the simulated history). */
export function memoryContent(backup: Backup, files: ReadonlyMap<string, Uint8Array> = new Map()): RestoreContent {
  const { log, ...rest } = backup;
  return { document: { ...rest, log: { files: [], count: log.length } }, logParts: () => [log], media: (file) => files.get(file)! };
}

/** An opened archive as restore content: its log and images are read from the file as the restore needs them. */
export function archiveContent(opened: OpenedArchive): RestoreContent {
  const { document } = opened;
  const logParts =
    document.version < 3 ? () => legacyParts(backupLog(opened) as Iterable<unknown[]> as Iterable<LegacyLogRecord[]>, legacyDevice(document.exportedAt)) : () => backupLog(opened);
  return { document, logParts, media: (file) => backupMedia(opened, file) };
}

function* legacyParts(parts: Iterable<LegacyLogRecord[]>, device: string): Generator<LogRecord[]> {
  for (const part of parts) yield part.map((entry) => legacyEvent(entry, device));
}

/**
 * Replaces everything with a checked backup, in one transaction: a failure half-way (quota, a closed tab)
 * leaves the database as it was. Log entries keep their ids, so undo and the CSV export still line up; decks get
 * their counters counted again (see countedDecks). `onProgress` hears how many records are written, every few
 * thousand. The database gets a new generation, so a window that read the old data stops at its next write.
 */
export function replaceAll(store: Store, content: RestoreContent, onProgress: (done: number, total: number) => void = () => {}): Promise<void> {
  const { document } = content;
  return store.writing(async () => {
    const tx = store.db.transaction([...ALL_STORES, 'meta'], 'readwrite', { durability: 'strict' });
    const total =
      document.decks.length +
      document.cardRefs.length +
      document.cardBodies.length +
      document.states.length +
      document.settings.length +
      document.log.count +
      document.media.length;
    await atomically(tx, async () => {
      let done = 0;
      // A failed request aborts the transaction, and tx.done reports it: the requests' own promises only pace us.
      let last: Promise<unknown> = Promise.resolve();
      const put = (target: { put(value: never): Promise<unknown> }, record: unknown) => {
        last = target.put(record as never);
        last.catch(reportedByTransaction);
        if (++done % PROGRESS_EVERY === 0) {
          const written = done;
          void last.then(() => onProgress(written, total), reportedByTransaction);
        }
      };
      for (const name of ALL_STORES) tx.objectStore(name).clear().catch(reportedByTransaction);
      tx.objectStore('meta').put({ key: GENERATION_KEY, value: randomId() }).catch(reportedByTransaction);
      // The restored events keep their ids; this copy logs from now on as a device of its own, so no new id collides.
      startNewDevice(tx.objectStore('meta'));
      for (const deck of countedDecks(document)) put(tx.objectStore('decks'), deck);
      for (const entry of document.cardRefs) put(tx.objectStore('cardRefs'), entry);
      for (const entry of document.cardBodies) put(tx.objectStore('cardBodies'), entry);
      // Through the queue rule: a backup made before `parkedOf` existed gets it here.
      for (const state of document.states) put(tx.objectStore('states'), queued(state));
      for (const setting of document.settings) put(tx.objectStore('settings'), setting);
      // Part by part, each read (synchronously, inside the transaction) while IndexedDB still writes what came before
      // it: the states, then the part before. Reading a part is the worker's work and writing it the database's, so
      // they overlap, and no more than two parts are held at once.
      const pages = new Set<string>();
      const parts = content.logParts()[Symbol.iterator]();
      for (let next = parts.next(); !next.done;) {
        const part = next.value;
        await putEvents(tx.objectStore('logPages'), part, pages);
        next = parts.next();
        // A read queued after the part's writes resolves once they are done.
        await tx.objectStore('meta').get(GENERATION_KEY);
        done += part.length;
        onProgress(done, total);
      }
      for (const image of document.media) {
        put(tx.objectStore('media'), { key: mediaKey(image.deckId, image.path), deckId: image.deckId, bytes: content.media(image.file) });
        await last;
      }
    });
    onProgress(total, total);
  });
}

/**
 * Writes card states recomputed under new scheduler settings (see reschedule), in one transaction. Records
 * changed since they were read (a review in another tab) are left alone; returns how many were written.
 */
export function putRescheduled(store: Store, updates: readonly { before: StateRecord; after: StateRecord }[]): Promise<number> {
  return store.writing(async () => {
    const tx = store.db.transaction('states', 'readwrite', { durability: 'strict' });
    return atomically(tx, async () => {
      const current = await Promise.all(updates.map((u) => tx.store.get(u.before.cardId)));
      let written = 0;
      updates.forEach((update, i) => {
        if (!sameRecord(current[i], update.before)) return;
        tx.store.put(update.after).catch(reportedByTransaction);
        written++;
      });
      return written;
    });
  });
}
