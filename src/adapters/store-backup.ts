/**
 * Store operations only the settings screen needs — backup, restore, rescheduling — kept apart so the review
 * path does not load them. Same rules as store.ts: one transaction each, nothing else awaited inside.
 */
import { BACKUP_FORMAT, BACKUP_VERSION, type Backup } from '../core/backup.ts';
import { sameRecord } from '../core/records.ts';
import { GENERATION_KEY, mediaKey, type ReviewLogRecord, type StateRecord } from './db-schema.ts';
import { randomId } from './ids.ts';
import { guarded, LAST_BACKUP_SETTING, type Store } from './store.ts';

/** Every store of the database, in the order a restore writes them. */
const ALL_STORES = ['decks', 'cardRefs', 'cardBodies', 'states', 'log', 'settings', 'media'] as const;
type StoreName = (typeof ALL_STORES)[number];
const PROGRESS_EVERY = 5000;

export function markBackedUp(store: Store, now: number): Promise<void> {
  return store.putSetting(LAST_BACKUP_SETTING, now);
}

/** Every review in the log (for the CSV export), oldest first. */
export function allReviews(store: Store): Promise<ReviewLogRecord[]> {
  return guarded(() => store.db.getAllFromIndex('log', 'time'));
}

/** Every card's state record, retired and suspended ones included. */
export function allStates(store: Store): Promise<StateRecord[]> {
  return guarded(() => store.db.getAll('states'));
}

/**
 * A snapshot of everything, for a backup, read in one transaction. The snapshot already records itself as the
 * last backup: once the file is saved, markBackedUp(now) makes the database say the same, so a restore
 * reproduces the database exactly. Images come apart, as bytes named by the backup's `media[].file`.
 */
export function exportAll(store: Store, now: number): Promise<{ backup: Backup; files: Map<string, Uint8Array> }> {
  return guarded(async () => {
    const tx = store.db.transaction(ALL_STORES);
    const [decks, cardRefs, cardBodies, states, log, stored, media] = await Promise.all([
      tx.objectStore('decks').getAll(),
      tx.objectStore('cardRefs').getAll(),
      tx.objectStore('cardBodies').getAll(),
      tx.objectStore('states').getAll(),
      tx.objectStore('log').getAll(),
      tx.objectStore('settings').getAll(),
      tx.objectStore('media').getAll(),
    ]);
    await tx.done;
    const settings = [...stored.filter((s) => s.key !== LAST_BACKUP_SETTING), { key: LAST_BACKUP_SETTING, value: now }].sort((a, b) => (a.key < b.key ? -1 : 1));
    const files = new Map<string, Uint8Array>();
    const images = media.map((image, i) => {
      const file = `media/${i}`;
      files.set(file, image.bytes);
      return { deckId: image.deckId, path: image.key.slice(image.deckId.length + 1), file };
    });
    const backup: Backup = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: now,
      decks,
      cardRefs,
      cardBodies,
      states,
      log: log as Backup['log'],
      settings,
      media: images,
    };
    return { backup, files };
  });
}

/**
 * Replaces everything with a checked backup, in one transaction: a failure half-way (quota, a closed tab)
 * leaves the database as it was. Log entries keep their ids, so undo and the CSV export still line up.
 * `onProgress` hears how many records are written, every few thousand: a large collection takes a while.
 * The database gets a new generation, so a window that read the old data stops at its next write.
 */
export function replaceAll(
  store: Store,
  backup: Backup,
  files: ReadonlyMap<string, Uint8Array>,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<void> {
  return store.writing(async () => {
    const tx = store.db.transaction([...ALL_STORES, 'meta'], 'readwrite', { durability: 'strict' });
    tx.objectStore('meta').put({ key: GENERATION_KEY, value: randomId() });
    const batches: Record<StoreName, readonly unknown[]> = {
      decks: backup.decks,
      cardRefs: backup.cardRefs,
      cardBodies: backup.cardBodies,
      states: backup.states,
      log: backup.log,
      settings: backup.settings,
      media: backup.media.map((m) => ({ key: mediaKey(m.deckId, m.path), deckId: m.deckId, bytes: files.get(m.file)! })),
    };
    const total = ALL_STORES.reduce((sum, name) => sum + batches[name].length, 0);
    // A failed request aborts the transaction, and tx.done reports it: the requests' own promises are not awaited.
    const ignore = () => {};
    let done = 0;
    for (const name of ALL_STORES) {
      const target = tx.objectStore(name) as unknown as { clear(): Promise<void>; put(value: unknown): Promise<unknown> };
      target.clear().catch(ignore);
      for (const record of batches[name]) {
        const put = target.put(record);
        put.catch(ignore);
        const written = ++done;
        if (written % PROGRESS_EVERY === 0 || written === total) void put.then(() => onProgress(written, total), ignore);
      }
    }
    await tx.done;
  });
}

/**
 * Writes card states recomputed under new scheduler settings (see reschedule), in one transaction. Records
 * changed since they were read (a review in another tab) are left alone; returns how many were written.
 */
export function putRescheduled(store: Store, updates: readonly { before: StateRecord; after: StateRecord }[]): Promise<number> {
  return store.writing(async () => {
    const tx = store.db.transaction('states', 'readwrite', { durability: 'strict' });
    const current = await Promise.all(updates.map((u) => tx.store.get(u.before.cardId)));
    let written = 0;
    updates.forEach((update, i) => {
      if (!sameRecord(current[i], update.before)) return;
      void tx.store.put(update.after);
      written++;
    });
    await tx.done;
    return written;
  });
}
