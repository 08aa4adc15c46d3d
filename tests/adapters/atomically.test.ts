import 'fake-indexeddb/auto';
import { openDB, type IDBPDatabase } from 'idb';
import { describe, expect, it } from 'vitest';
import { DB_VERSION, type RepasoSchema } from '../../src/adapters/db-schema.ts';
import { atomically } from '../../src/adapters/store-error.ts';

let counter = 0;
async function database(): Promise<IDBPDatabase> {
  const db = await openDB(`atomically-${++counter}`, 1, { upgrade: (db) => db.createObjectStore('items') });
  await db.put('items', 'kept', 'a');
  return db;
}

describe('atomically', () => {
  it('commits what the work wrote and resolves to its result', async () => {
    const db = await database();
    const tx = db.transaction('items', 'readwrite');
    const result = await atomically(tx, async () => {
      await tx.store.put('new', 'b');
      return 'done';
    });
    expect(result).toBe('done');
    expect(await db.getAll('items')).toEqual(['kept', 'new']);
  });

  it('writes nothing when the work throws after queuing writes (regression: those writes committed, half a write)', async () => {
    const db = await database();
    const tx = db.transaction('items', 'readwrite');
    const work = async () => {
      void tx.store.clear();
      void tx.store.put('half', 'b');
      await tx.store.get('a');
      throw new Error('the second half could not be read');
    };
    await expect(atomically(tx, work)).rejects.toThrow('the second half could not be read');
    expect(await db.getAll('items')).toEqual(['kept']);
  });

  it('rejects with the failed request’s own error when IndexedDB aborted the transaction itself', async () => {
    const db = await database();
    const tx = db.transaction('items', 'readwrite');
    void tx.store.put('half', 'b').catch(() => {});
    await expect(atomically(tx, () => tx.store.add('twice', 'a'))).rejects.toMatchObject({ name: 'ConstraintError' });
    expect(await db.getAll('items')).toEqual(['kept']);
  });
});

describe('a rating aborted while its log page is still being written', () => {
  it('rejects with its own error and leaves no unhandled rejection behind (regression: one per pending page and counter write)', async () => {
    const { createSchema } = await import('../../src/adapters/db-schema.ts');
    const { appendEvents } = await import('../../src/adapters/log-store.ts');
    const db = await openDB<RepasoSchema>(`atomically-log-${++counter}`, DB_VERSION, { upgrade: (created) => createSchema(created) });
    const unhandled: unknown[] = [];
    const listen = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', listen);
    try {
      const tx = db.transaction(['logPages', 'meta'], 'readwrite');
      const entry = { cardId: 'c1', deckId: 'd1', rating: 3, time: Date.UTC(2026, 11, 3, 9), durationMs: 1000, phaseBefore: null, after: null, elapsedDays: 0, shift: 4 };
      const work = async () => {
        // Not awaited: its page and counter puts are still pending when the rating fails.
        void appendEvents(tx as never, [entry as never]).catch(() => {});
        await tx.objectStore('meta').get('device');
        throw new Error('the card changed in another window');
      };
      await expect(atomically(tx, work)).rejects.toThrow('the card changed in another window');
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(unhandled).toEqual([]);
      expect(await db.count('logPages')).toBe(0);
    } finally {
      process.off('unhandledRejection', listen);
    }
  });
});
