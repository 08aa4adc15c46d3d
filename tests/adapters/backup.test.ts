// @vitest-environment jsdom
// jsdom: a restore sanitizes card HTML with DOMPurify, which needs a DOM that behaves like a browser's.
import 'fake-indexeddb/auto';
import { zipSync, strToU8 } from 'fflate';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { backupService } from '../../src/adapters/backup-service.ts';
import { BackupArchiveWriter, readBackupArchive, writeBackupArchive } from '../../src/adapters/backup-file.ts';
import type { LogPage, RepasoSchema } from '../../src/adapters/db-schema.ts';
import { applyImport, prepareImport } from '../../src/adapters/import-notes.ts';
import { bytesFile } from '../../src/adapters/picked-files.ts';
import { Store } from '../../src/adapters/store.ts';
import { archiveContent, exportArchive, markBackedUp, memoryContent, replaceAll } from '../../src/adapters/store-backup.ts';
import { bytesSource } from '../../src/adapters/zip-reader.ts';
import { BACKUP_DOCUMENT, type Backup } from '../../src/core/backup.ts';
import { seededRandom } from '../../src/core/random.ts';
import { sanitizeBackupBodies } from '../../src/state/backup.ts';
import { FORGET } from '../../src/core/scheduler.ts';
import { CardBrowser } from '../../src/state/card-browser.svelte.ts';
import { ReviewSession } from '../../src/state/review-session.svelte.ts';
import { loadStudyContext } from '../../src/state/study-context.ts';
import { FakeClock } from '../support/fixtures.ts';
import { numberedLog, simulatedHistory } from '../support/history.ts';
import { storedProblems } from '../support/invariants.ts';

const NOW = Date.UTC(2026, 10, 28, 12);
const STORES = ['decks', 'cardRefs', 'cardBodies', 'states', 'logPages', 'settings', 'media'] as const;
let counter = 0;
const freshName = () => `backup-${++counter}`;

/** The events of a dump's log pages, in page order. */
const events = (stores: Record<string, unknown[]>) => (stores.logPages as LogPage[]).flatMap((page) => page.events);

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
async function collection(name: string, history = simulatedHistory({ now: NOW, days: 120, cards: 200 })): Promise<Store> {
  const store = await Store.open(name);
  await replaceAll(store, memoryContent(history));
  const notes = [bytesFile('redes.md', strToU8('# Redes\n\n## Capas\n\n![Capas](img/capas.png)\n\nSiete capas.\n')), bytesFile('img/capas.png', PNG)];
  await applyImport(store, await prepareImport(store, notes), NOW);
  await store.settings.putMany({ scheduler: { desiredRetention: 0.85 }, theme: 'dark', language: 'es' });
  return store;
}

async function backUp(store: Store): Promise<Uint8Array> {
  const archive = await exportArchive(store, NOW);
  await markBackedUp(store, NOW);
  return archive;
}

/** What the app does: open the file, sanitize its cards, replace everything. */
async function restore(name: string, archive: Uint8Array, onProgress?: (done: number, total: number) => void) {
  const service = backupService(
    () => Store.open(name),
    async () => bytesSource(archive),
  );
  const opened = await service.open(new Blob());
  if (!opened.ok) throw new Error(`expected a good backup, got ${opened.problem.code}`);
  if (opened.bodies > 0) await expect(service.restore(() => {})).rejects.toThrow(/sanitized/);
  await sanitizeBackupBodies(service, opened.bodies);
  await service.restore(onProgress ?? (() => {}));
  service.dispose();
  return opened;
}

describe('backup and restore', () => {
  it('export, wipe and restore reproduce an identical database', async () => {
    const original = freshName();
    const store = await collection(original);
    const archive = await backUp(store);
    const before = await dump(original);
    store.close();

    const restored = freshName();
    const progress: [number, number][] = [];
    const opened = await restore(restored, archive, (done, total) => progress.push([done, total]));
    expect(opened).toMatchObject({ ok: true, cards: 201, reviews: events(before).length });
    expect(await dump(restored)).toEqual(before);
    const total = Object.values(before).reduce((sum, records) => sum + records.length, 0) - before.logPages!.length + events(before).length;
    expect(progress.at(-1)).toEqual([total, total]);
    expect(progress.map(([done]) => done)).toEqual([...progress.map(([done]) => done)].sort((a, b) => a - b));
    const target = await Store.open(restored);
    expect([...(await target.decks.media('redes')).get('media/img/capas.png')!]).toEqual([...PNG]);
    // The restored copy logs as a device of its own: its next event's id is none of the restored ones.
    const { id: _id, device: _device, seq: _seq, ...entry } = events(before)[0]!;
    const next = await target.schedule.recordReview({ state: before.states![0] as never, before: before.states![0] as never, log: entry }, await target.writeBasis());
    const devices = new Set(events(before).map((e) => e.device));
    expect(next.id).toMatch(/:1$/);
    expect(devices.has(next.id.split(':')[0]!)).toBe(false);
    expect(events(await dump(restored))).toHaveLength(events(before).length + 1);
    target.close();
  });

  it('a forget entry and a practice answer restore with the rest, and the restored log still replays to every state', async () => {
    const original = freshName();
    const store = await collection(original);
    const context = await loadStudyContext(store, new FakeClock(NOW + 60_000));
    const browser = new CardBrowser(context);
    await browser.load();
    const studied = browser.rows.find((r) => r.status.phase === 'review')!;
    await browser.act('forget', [studied.card.ref.id]);
    const practice = new ReviewSession(context, [studied.card.deckId], { practice: true });
    await practice.start();
    practice.reveal();
    await practice.rate(3);
    practice.dispose();
    const archive = await backUp(store);
    const before = await dump(original);
    expect(events(before).filter((l) => l.rating === FORGET)).toHaveLength(1);
    expect(events(before).filter((l) => l.practice)).toHaveLength(1);
    store.close();

    const restored = freshName();
    await restore(restored, archive);
    expect(await dump(restored)).toEqual(before);
    expect(await storedProblems(restored)).toEqual([]);
  });

  it('keeps a log of several files in order, and restores a version 1 file (the log inside the document)', async () => {
    const history = simulatedHistory({ now: NOW, days: 400, cards: 600 });
    const writer = new BackupArchiveWriter();
    for (let start = 0; start < history.log.length; start += 1000) writer.addLog(history.log.slice(start, start + 1000));
    const { log: _log, ...document } = history;
    const opened = readBackupArchive(writer.finish(document));
    if (!opened.ok) throw new Error(opened.problem.code);
    expect(opened.document.log.files).toHaveLength(Math.ceil(history.log.length / 1000));
    const name = freshName();
    await replaceAll(await Store.open(name), archiveContent(opened));
    expect(events(await dump(name)).map((l) => l.id)).toEqual(history.log.map((l) => l.id));
    expect(await storedProblems(name)).toEqual([]);

    // Version 1 numbered its log: the numbers become the counter of a device named after the backup.
    const { log, ...rest } = simulatedHistory({ now: NOW, days: 20, cards: 30 });
    const numbered = numberedLog(log);
    const v1 = readBackupArchive(zipSync({ [BACKUP_DOCUMENT]: strToU8(JSON.stringify({ ...rest, version: 1, log: numbered })) }));
    expect(v1).toMatchObject({ ok: true, reviews: log.length });
    if (!v1.ok) throw new Error(v1.problem.code);
    const old = freshName();
    await replaceAll(await Store.open(old), archiveContent(v1));
    const device = `backup-${NOW.toString(36)}`;
    expect(events(await dump(old)).map((l) => l.id)).toEqual(log.map((l) => `${device}:${l.seq}`));
    expect(await storedProblems(old)).toEqual([]);
  });

  it('restores a version 3 file, whose log files are lists of events, and refuses a version 4 log file that is not a table', async () => {
    const { log, ...rest } = simulatedHistory({ now: NOW, days: 20, cards: 30 });
    const v3 = (version: number) =>
      zipSync({
        [BACKUP_DOCUMENT]: strToU8(JSON.stringify({ ...rest, version, log: { files: ['log/0000.json'], count: log.length } })),
        'log/0000.json': strToU8(JSON.stringify(log)),
      });
    const opened = readBackupArchive(v3(3));
    if (!opened.ok) throw new Error(opened.problem.code);
    const name = freshName();
    await replaceAll(await Store.open(name), archiveContent(opened));
    expect(events(await dump(name))).toEqual(log);
    expect(await storedProblems(name)).toEqual([]);
    expect(readBackupArchive(v3(4))).toMatchObject({ ok: false, problem: { code: 'bad-record', part: 'log/0000.json', field: '(not a list)' } });
  });

  it('a backup whose log cannot be read half-way through the restore leaves the database as it was (regression: the cleared stores and the states queued before it committed)', async () => {
    const name = freshName();
    const store = await collection(name);
    const before = await dump(name);
    const { log, ...rest } = simulatedHistory({ now: NOW, days: 60, cards: 80 });
    const content = memoryContent({ ...rest, log: [] });
    // The file changed on disk after it was checked: its second log file no longer reads.
    function* unreadable() {
      yield log.slice(0, 100);
      throw new DOMException('The file could not be read.', 'NotReadableError');
    }
    await expect(replaceAll(store, { ...content, document: { ...content.document, log: { files: [], count: log.length } }, logParts: unreadable })).rejects.toThrow(
      /could not be read/,
    );
    expect(await dump(name)).toEqual(before);
    store.close();
  });

  it('refuses a bad file and leaves the database untouched', async () => {
    const name = freshName();
    const store = await collection(name);
    const before = await dump(name);
    const good = readBackupArchive(await backUp(store));
    if (!good.ok) throw new Error('expected a good backup');
    const after = await dump(name);

    const dangling = structuredClone(good.document);
    dangling.states[0]!.deckId = 'gone';
    const rewritten = (document: object) => {
      const writer = new BackupArchiveWriter();
      writer.addMedia('media/0', PNG);
      return writer.finish(document as never);
    };
    const cases: [Uint8Array, string][] = [
      [strToU8('not a zip at all'), 'not-a-backup'],
      [zipSync({ 'notes.md': strToU8('# Notes') }), 'not-a-backup'],
      [zipSync({ [BACKUP_DOCUMENT]: strToU8('{ broken json') }), 'not-a-backup'],
      [rewritten({ ...dangling, log: undefined }), 'dangling'],
      [rewritten({ ...good.document, version: 99 }), 'newer-version'],
      [rewritten({ ...good.document, log: undefined, settings: [...good.document.settings, { key: 'limits', value: { newPerDay: -1 } }] }), 'bad-record'],
    ];
    for (const [bytes, code] of cases) {
      const opened = readBackupArchive(bytes);
      expect(opened.ok ? 'ok' : opened.problem.code).toBe(code);
    }
    expect(await dump(name)).toEqual(after);
    // Only the export's own mark changed the database.
    expect({ ...after, settings: [] }).toEqual({ ...before, settings: [] });
    store.close();
  });

  it('never restores altered content: single-bit flips are refused or read back unchanged (regression: 24% were accepted altered)', async () => {
    const history = simulatedHistory({ now: NOW, days: 30, cards: 40 });
    const archive = writeBackupArchive(history, new Map([['media/0', PNG]]));
    const withImage = { ...history, media: [{ deckId: history.decks[0]!.id, path: 'img/a.png', file: 'media/0' }] };
    const original = writeBackupArchive(withImage, new Map([['media/0', PNG]]));
    expect(readBackupArchive(archive).ok).toBe(true);
    const content = (bytes: Uint8Array) => {
      const opened = readBackupArchive(bytes);
      if (!opened.ok) return null;
      const parts = archiveContent(opened);
      return JSON.stringify({ document: parts.document, log: [...parts.logParts()], image: [...parts.media('media/0')] });
    };
    const expected = content(original);
    const random = seededRandom(7);
    let accepted = 0;
    for (let flip = 0; flip < 300; flip++) {
      const damaged = original.slice();
      const bit = Math.floor(random() * damaged.length * 8);
      damaged[bit >> 3]! ^= 1 << (bit & 7);
      const read = content(damaged);
      if (read === null) continue;
      accepted++;
      expect(read).toBe(expected);
    }
    // Flips in bytes nobody reads (a header's timestamp, say) change nothing, and may pass.
    expect(accepted).toBeLessThan(60);
  });

  it('sanitizes card HTML from a backup, as from notes', async () => {
    const backup: Backup = simulatedHistory({ now: NOW, days: 5, cards: 3 });
    backup.cardBodies[0]!.bodies[0]!.answerHtml = '<p onclick="steal()">Hola<script>alert(1)</script><img src="x" onerror="steal()"><a href="javascript:steal()">x</a></p>';
    const name = freshName();
    await restore(name, writeBackupArchive(backup, new Map()));
    const html = ((await dump(name)).cardBodies as Backup['cardBodies'])[0]!.bodies[0]!.answerHtml;
    expect(html).not.toMatch(/onclick|onerror|<script|javascript:/);
    expect(html).toContain('Hola');
  });

  it('sends the page only the cards whose HTML can carry something, and keeps the others as they are', async () => {
    const backup: Backup = simulatedHistory({ now: NOW, days: 5, cards: 3 });
    const bodies = backup.cardBodies.flatMap((deck) => deck.bodies);
    bodies.forEach((body, i) => Object.assign(body, { questionHtml: `<p>Pregunta ${i}</p>`, answerHtml: `<ul><li><strong>${i}</strong></li></ul>` }));
    bodies[1]!.answerHtml = '<p>Ver <a href="https://example.org">aquí</a></p>';
    const name = freshName();
    const opened = await restore(name, writeBackupArchive(backup, new Map()));
    expect(opened.bodies).toBe(1);
    const restored = ((await dump(name)).cardBodies as Backup['cardBodies']).flatMap((deck) => deck.bodies);
    expect(restored.map((b) => b.questionHtml)).toEqual(bodies.map((b) => b.questionHtml));
    expect(restored[0]!.answerHtml).toBe(bodies[0]!.answerHtml);
    expect(restored[1]!.answerHtml).toBe('<p>Ver <a href="https://example.org" target="_blank" rel="noopener noreferrer">aquí</a></p>');
  });
});
