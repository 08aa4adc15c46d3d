import 'fake-indexeddb/auto';
import { openDB, type IDBPDatabase } from 'idb';
import { describe, expect, it } from 'vitest';
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
