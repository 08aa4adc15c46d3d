/**
 * Store operations only the settings screen needs — backup, restore, rescheduling — kept apart so the review
 * path does not load them. Same rules as store.ts: one transaction each, nothing else awaited inside.
 */
import { BACKUP_FORMAT, BACKUP_VERSION, type Backup } from '../core/backup.ts';
import { mediaKey, type ReviewLogRecord, type StateRecord } from './db-schema.ts';
import { guarded, LAST_BACKUP_SETTING, type Store } from './store.ts';

/** Every store of the database, in the order a restore writes them. */
const ALL_STORES = ['decks', 'cardRefs', 'cardBodies', 'states', 'log', 'settings', 'media'] as const;

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
 */
export function replaceAll(store: Store, backup: Backup, files: ReadonlyMap<string, Uint8Array>): Promise<void> {
  return guarded(async () => {
    const tx = store.db.transaction(ALL_STORES, 'readwrite', { durability: 'strict' });
    for (const name of ALL_STORES) void tx.objectStore(name).clear();
    for (const deck of backup.decks) void tx.objectStore('decks').put(deck);
    for (const entry of backup.cardRefs) void tx.objectStore('cardRefs').put(entry);
    for (const entry of backup.cardBodies) void tx.objectStore('cardBodies').put(entry);
    for (const state of backup.states) void tx.objectStore('states').put(state);
    for (const entry of backup.log) void tx.objectStore('log').put(entry);
    for (const setting of backup.settings) void tx.objectStore('settings').put(setting);
    for (const image of backup.media) {
      void tx.objectStore('media').put({ key: mediaKey(image.deckId, image.path), deckId: image.deckId, bytes: files.get(image.file)! });
    }
    await tx.done;
  });
}

/**
 * Writes card states recomputed under new scheduler settings (see reschedule), in one transaction. Records
 * changed since they were read (a review in another tab) are left alone; returns how many were written.
 */
export function putRescheduled(store: Store, updates: readonly { before: StateRecord; after: StateRecord }[]): Promise<number> {
  return guarded(async () => {
    const tx = store.db.transaction('states', 'readwrite', { durability: 'strict' });
    const current = await Promise.all(updates.map((u) => tx.store.get(u.before.cardId)));
    let written = 0;
    updates.forEach((update, i) => {
      if (JSON.stringify(current[i]) !== JSON.stringify(update.before)) return;
      void tx.store.put(update.after);
      written++;
    });
    await tx.done;
    return written;
  });
}
