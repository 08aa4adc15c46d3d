// @vitest-environment jsdom
// jsdom: a restore sanitizes card HTML with DOMPurify, which needs a DOM that behaves like a browser's.
import 'fake-indexeddb/auto';
import { zipSync, strToU8 } from 'fflate';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { readBackupArchive, writeBackupArchive } from '../../src/adapters/backup-file.ts';
import type { RepasoSchema } from '../../src/adapters/db-schema.ts';
import { applyImport, prepareImport } from '../../src/adapters/import-notes.ts';
import { Store } from '../../src/adapters/store.ts';
import { exportAll, markBackedUp, replaceAll } from '../../src/adapters/store-backup.ts';
import { BACKUP_DOCUMENT, type Backup } from '../../src/core/backup.ts';
import { applyBackup, openBackup } from '../../src/state/backup.ts';
import { simulatedHistory } from '../support/history.ts';

const NOW = Date.UTC(2026, 10, 28, 12);
const STORES = ['decks', 'cardRefs', 'cardBodies', 'states', 'log', 'settings', 'media'] as const;
let counter = 0;
const freshName = () => `backup-${++counter}`;

/** Every record of every store, straight from IndexedDB. */
async function dump(name: string): Promise<Record<string, unknown[]>> {
  const db = await openDB<RepasoSchema>(name);
  const out: Record<string, unknown[]> = {};
  for (const store of STORES) out[store] = await db.getAll(store);
  db.close();
  return out;
}

const PNG = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10, 1, 2, 3]);

/** A collection with a year of history, imported notes with an image, and settings. */
async function collection(name: string): Promise<Store> {
  const store = await Store.open(name);
  await replaceAll(store, simulatedHistory({ now: NOW, days: 120, cards: 200 }), new Map());
  const notes = [
    { name: 'redes.md', path: 'redes.md', bytes: async () => strToU8('# Redes\n\n## Capas\n\n![Capas](img/capas.png)\n\nSiete capas.\n') },
    { name: 'capas.png', path: 'img/capas.png', bytes: async () => PNG },
  ];
  await applyImport(store, await prepareImport(store, notes), NOW);
  await store.putSettings({ scheduler: { desiredRetention: 0.85 }, theme: 'dark', language: 'es' });
  return store;
}

async function exportArchive(store: Store): Promise<Uint8Array> {
  const { backup, files } = await exportAll(store, NOW);
  await markBackedUp(store, NOW);
  return writeBackupArchive(backup, files);
}

describe('backup and restore', () => {
  it('export, wipe and restore reproduce an identical database', async () => {
    const original = freshName();
    const store = await collection(original);
    const archive = await exportArchive(store);
    const before = await dump(original);
    store.close();

    const restored = freshName();
    const target = await Store.open(restored);
    const opened = openBackup(archive);
    expect(opened).toMatchObject({ ok: true, cards: 201, reviews: before.log!.length });
    const progress: [number, number][] = [];
    await applyBackup(target, opened as Extract<typeof opened, { ok: true }>, (done, total) => progress.push([done, total]));
    expect(await dump(restored)).toEqual(before);
    // Progress every 5,000 records, and at the end.
    const total = Object.values(before).reduce((sum, records) => sum + records.length, 0);
    expect(progress.at(-1)).toEqual([total, total]);
    expect(progress.map(([done]) => done)).toEqual([...progress.map(([done]) => done)].sort((a, b) => a - b));
    expect([...(await target.deckMedia('redes')).get('media/img/capas.png')!]).toEqual([...PNG]);
    // The log's key generator continues after the restored ids: the next review does not overwrite one.
    const next = await target.recordReview(
      { state: before.states![0] as never, log: { ...(before.log![0] as object), before: before.states![0] } as never },
      await target.writeBasis(),
    );
    expect(next).toBe(before.log!.length + 1);
    target.close();
  });

  it('refuses a bad file and leaves the database untouched', async () => {
    const name = freshName();
    const store = await collection(name);
    const before = await dump(name);
    const good = readBackupArchive(await exportArchive(store));
    if (!good.ok) throw new Error('expected a good backup');
    const after = await dump(name);

    const dangling: Backup = structuredClone(good.backup);
    dangling.states[0]!.deckId = 'gone';
    const cases: [Uint8Array, string][] = [
      [strToU8('not a zip at all'), 'not-a-backup'],
      [zipSync({ 'notes.md': strToU8('# Notes') }), 'not-a-backup'],
      [zipSync({ [BACKUP_DOCUMENT]: strToU8('{ broken json') }), 'not-a-backup'],
      [writeBackupArchive(dangling, good.files), 'dangling'],
      [writeBackupArchive({ ...good.backup, version: 99 }, good.files), 'newer-version'],
    ];
    for (const [bytes, code] of cases) {
      const opened = openBackup(bytes);
      expect(opened.ok ? 'ok' : opened.problem.code).toBe(code);
    }
    expect(await dump(name)).toEqual(after);
    // Only the export's own mark changed the database.
    expect({ ...after, settings: [] }).toEqual({ ...before, settings: [] });
    store.close();
  });

  it('sanitizes card HTML from a backup, as from notes', async () => {
    const backup = simulatedHistory({ now: NOW, days: 5, cards: 3 });
    backup.cardBodies[0]!.bodies[0]!.answerHtml = '<p onclick="steal()">Hola<script>alert(1)</script><img src="x" onerror="steal()"><a href="javascript:steal()">x</a></p>';
    const opened = openBackup(writeBackupArchive(backup, new Map()));
    if (!opened.ok) throw new Error('expected a good backup');
    const html = opened.backup.cardBodies[0]!.bodies[0]!.answerHtml;
    expect(html).not.toMatch(/onclick|onerror|<script|javascript:/);
    expect(html).toContain('Hola');
  });
});
