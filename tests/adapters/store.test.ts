import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { syncBundledDecks } from '../../src/adapters/bundled-decks.ts';
import { applyImport, prepareBundledUpdate } from '../../src/adapters/import-notes.ts';
import { ladder } from '../../src/adapters/db-migrations.ts';
import { DB_VERSION, migrationHelpers, type RepasoSchema, type StateRecord } from '../../src/adapters/db-schema.ts';
import { Store } from '../../src/adapters/store.ts';
import { bury, hide, newRecord, queued, retire, suspend } from '../../src/core/card-record.ts';
import { seededRandom } from '../../src/core/random.ts';
import { DAY, unseenState } from '../../src/core/scheduler.ts';
import { cardsByState, forecastWindows, studyDay, type StateCounts } from '../../src/core/stats.ts';
import { deckCard, deckFile, fakeDeckServer } from '../support/fixtures.ts';

const { steps: MIGRATIONS, upgrade } = ladder(migrationHelpers);

let counter = 0;
const freshName = () => `repaso-test-${++counter}`;
const NOW = Date.UTC(2026, 4, 1, 10);

/** Every store of a database and its indexes, as IndexedDB describes them. */
async function schemaOf(name: string) {
  const db = await openDB(name);
  const names = [...db.objectStoreNames];
  const tx = db.transaction(names);
  const stores = names.map((storeName) => {
    const store = tx.objectStore(storeName);
    const indexes = [...store.indexNames].map((i) => {
      const index = store.index(i);
      return { name: i, keyPath: index.keyPath, multiEntry: index.multiEntry, unique: index.unique };
    });
    return { name: storeName, keyPath: store.keyPath, autoIncrement: store.autoIncrement, indexes };
  });
  const version = db.version;
  db.close();
  return { version, stores };
}

describe('schema upgrades', () => {
  it('makes a new database with the schema the ladder of migrations makes from version 1', async () => {
    const created = freshName();
    (await Store.open(created)).close();
    const migrated = freshName();
    (await openDB<RepasoSchema>(migrated, DB_VERSION, { upgrade })).close();
    const schema = await schemaOf(created);
    expect(schema).toEqual(await schemaOf(migrated));
    expect(schema.version).toBe(DB_VERSION);
    expect(schema.stores.map((s) => s.name)).toContain('logPages');
  });

  it('opens a version 1 database, upgrades it, and loses nothing (leeches get indexed)', async () => {
    const name = freshName();
    const v1 = await openDB<RepasoSchema>(name, 1, { upgrade: (db, _old, _new, tx) => MIGRATIONS[1]!(db, tx) });
    const leech: StateRecord = { cardId: 'c1', deckId: 'd1', fsrs: { ...unseenState(NOW), lapses: 8 }, suspended: true, buriedUntil: 0, leech: true };
    await v1.put('decks', { id: 'd1', title: 'D', path: ['D'], source: 'd.md', tags: [], hash: 'h', origin: 'bundled', cardCount: 1, tracked: 1, updatedAt: NOW });
    await v1.put('states', leech);
    await v1.add('log' as never, { cardId: 'c1', deckId: 'd1', rating: 1, time: NOW, durationMs: 1000, before: null, after: leech.fsrs, elapsedDays: 0, shift: 0 } as never);
    v1.close();

    const store = await Store.open(name);
    expect((await store.decks.list()).map((d) => d.id)).toEqual(['d1']);
    expect((await store.log.ofCard('c1')).map((l) => l.rating)).toEqual([1]);
    expect((await store.schedule.leeches()).map((s) => s.cardId)).toEqual(['c1']);
    expect(await store.schedule.trackedCardIds(['d1'])).toEqual(['c1']);
    expect((await store.schedule.counts([])).states.parked).toEqual([{ phase: 'new', suspended: true, retired: false }]);
    store.close();
  });
});

describe('bundled decks', () => {
  it('loads every deck on first run, then nothing while hashes are unchanged', async () => {
    const store = await Store.open(freshName());
    const server = fakeDeckServer([deckFile('a', [deckCard('k1', 'Q1', 'A1'), deckCard('k2', 'Q2', 'A2')]), deckFile('b', [deckCard('k3', 'Q3', 'A3')])]);
    const progress: string[] = [];
    expect(await syncBundledDecks(store, NOW, (p) => progress.push(`${p.done}/${p.total}`), server.fetch)).toMatchObject({ loaded: 2, pending: [] });
    expect((await store.decks.list()).map((d) => [d.id, d.cardCount, d.origin])).toEqual([
      ['a', 2, 'bundled'],
      ['b', 1, 'bundled'],
    ]);
    expect(progress).toEqual(['0/2', '1/2', '2/2']);
    const before = server.requests.length;
    expect(await syncBundledDecks(store, NOW, undefined, server.fetch)).toMatchObject({ loaded: 0, pending: [] });
    expect(server.requests.length - before).toBe(1);
    store.close();
  });

  it('offers a changed deck as an update; applying it adds new cards and keeps every existing card id and state', async () => {
    const store = await Store.open(freshName());
    await syncBundledDecks(store, NOW, undefined, fakeDeckServer([deckFile('a', [deckCard('k1', 'Q1', 'A1')])]).fetch);
    const [firstRefs] = await store.decks.cardRefs(['a']);
    const id = firstRefs!.refs[0]!.id;
    await store.schedule.recordReview(
      {
        state: { cardId: id, deckId: 'a', fsrs: unseenState(NOW), suspended: false, buriedUntil: 0, leech: false, queueDue: NOW },
        before: null,
        log: { cardId: id, deckId: 'a', rating: 3, time: NOW, durationMs: 1, phaseBefore: null, after: unseenState(NOW), elapsedDays: 0, shift: 0 },
      },
      await store.writeBasis(),
    );
    const edited = deckFile('a', [deckCard('k1', 'Q1', 'A1 corrected'), deckCard('k9', 'Q9', 'A9')]);
    const sync = await syncBundledDecks(store, NOW, undefined, fakeDeckServer([edited]).fetch);
    expect(sync.pending.map((f) => f.id)).toEqual(['a']);
    expect((await store.decks.cardBodies('a'))[0]!.answer).toBe('A1');
    const preview = await prepareBundledUpdate(store, sync.pending, sync.hashes);
    expect(preview.summaries.get('a')).toMatchObject({ fresh: 1, changed: 1, retired: 0 });
    await applyImport(store, preview, NOW);
    expect((await syncBundledDecks(store, NOW, undefined, fakeDeckServer([edited]).fetch)).pending).toEqual([]);
    const [refs] = await store.decks.cardRefs(['a']);
    expect(refs!.refs.map((r) => r.key)).toEqual(['k1', 'k9']);
    expect(refs!.refs[0]!.id).toBe(id);
    expect((await store.decks.cardBodies('a'))[0]!.answer).toBe('A1 corrected');
    expect((await store.decks.get('a'))!.tracked).toBe(1);
    expect((await store.schedule.states([id])).get(id)).toBeDefined();
    store.close();
  });

  it('reports a missing deck file without writing half of the decks', async () => {
    const store = await Store.open(freshName());
    const server = fakeDeckServer([deckFile('a', [deckCard('k1', 'Q1', 'A1')]), deckFile('b', [deckCard('k2', 'Q2', 'A2')])]);
    const broken: typeof fetch = (input, init) => (String(input).endsWith('b.deck.json') ? Promise.resolve(new Response('', { status: 404 })) : server.fetch(input, init));
    await expect(syncBundledDecks(store, NOW, undefined, broken)).rejects.toMatchObject({ reason: 'unavailable', deck: 'b' });
    expect(await store.decks.list()).toEqual([]);
    store.close();
  });

  it('never stores a deck a host answered with its HTML page, or with anything that is not a deck (regression)', async () => {
    const store = await Store.open(freshName());
    const server = fakeDeckServer([deckFile('a', [deckCard('k1', 'Q1', 'A1')])]);
    const html = '<!doctype html><html><body>Repaso</body></html>';
    const answers: [string, Response][] = [
      ['an HTML page, as JSON', new Response(html, { headers: { 'content-type': 'application/json' } })],
      ['an HTML page', new Response(html, { headers: { 'content-type': 'text/html; charset=utf-8' } })],
      ['JSON of another shape', new Response('{"cards": "many"}', { headers: { 'content-type': 'application/json' } })],
    ];
    for (const [, answer] of answers) {
      const fallback: typeof fetch = (input, init) => (String(input).endsWith('.deck.json') ? Promise.resolve(answer.clone()) : server.fetch(input, init));
      await expect(syncBundledDecks(store, NOW, undefined, fallback)).rejects.toMatchObject({ reason: 'invalid', deck: 'a' });
    }
    const list: typeof fetch = () => Promise.resolve(new Response(html, { headers: { 'content-type': 'text/html' } }));
    await expect(syncBundledDecks(store, NOW, undefined, list)).rejects.toMatchObject({ reason: 'invalid', deck: null });
    expect(await store.decks.list()).toEqual([]);
    // Once the host is fixed, the decks load.
    expect(await syncBundledDecks(store, NOW, undefined, server.fetch)).toMatchObject({ loaded: 1 });
    store.close();
  });
});

describe('due cards', () => {
  it('come from the due index, which holds neither suspended cards nor cards due later', async () => {
    const store = await Store.open(freshName());
    const state = (cardId: string, due: number, suspended = false): StateRecord => ({
      cardId,
      deckId: 'a',
      fsrs: { ...unseenState(NOW), phase: 'review', due },
      suspended,
      buriedUntil: 0,
      leech: false,
      ...(suspended ? {} : { queueDue: due }),
    });
    const basis = await store.writeBasis();
    await store.schedule.putFlags(state('due', NOW - 1), null, basis);
    await store.schedule.putFlags(state('later', NOW + 86_400_000), null, basis);
    await store.schedule.putFlags(state('suspended', NOW - 1, true), null, basis);
    expect((await store.schedule.due(NOW)).map((s) => s.cardId)).toEqual(['due']);
    expect((await store.schedule.deckDue('a', NOW + 2 * 86_400_000)).map((s) => s.cardId)).toEqual(['due', 'later']);
    expect((await store.schedule.deckDue('a', NOW + 2 * 86_400_000, 1)).map((s) => s.cardId)).toEqual(['due']);
    expect(await store.schedule.deckDue('b', NOW + 2 * 86_400_000)).toEqual([]);
    expect(await store.schedule.nextDueAt(NOW)).toBe(NOW + 86_400_000);
    expect(await store.schedule.dueCountBetween(0, NOW + 2 * 86_400_000)).toBe(2);
    store.close();
  });
});

describe('statistics counts', () => {
  it('count states by phase and due day from the indexes exactly as reading every record does', async () => {
    const store = await Store.open(freshName());
    const random = seededRandom(7);
    const phases = ['new', 'learning', 'review', 'relearning'] as const;
    const flags = [(r: StateRecord) => r, suspend, hide, retire, (r: StateRecord) => retire(suspend(r)), (r: StateRecord) => bury(r, NOW + DAY)];
    const records = Array.from({ length: 300 }, (_, i) => {
      const fresh = newRecord(`c${i}`, `deck${i % 3}`, NOW);
      const flag = flags[random() < 0.7 ? 0 : 1 + Math.floor(random() * (flags.length - 1))]!;
      return flag(queued({ ...fresh, fsrs: { ...fresh.fsrs, phase: phases[Math.floor(random() * 4)]!, due: NOW + Math.floor((random() * 40 - 5) * DAY) } }));
    });
    const basis = await store.writeBasis();
    for (const record of records) await store.schedule.putFlags(record, null, basis);

    const windows = forecastWindows(studyDay(NOW, 0), 0, 30);
    const counted = await store.schedule.counts(windows);
    const parked = records.filter((r) => r.queueDue === undefined);
    expect(parked.length).toBeGreaterThan(30);
    expect(cardsByState(counted.states, 400)).toEqual(cardsByState(countsOfRecords(records), 400));
    expect(counted.due).toEqual(windows.map((w) => records.filter((r) => r.queueDue !== undefined && r.queueDue >= w.from && r.queueDue < w.until).length));
    expect(counted.due.reduce((a, b) => a + b, 0)).toBeGreaterThan(150);
    expect((await store.schedule.trackedCardIds(['deck1'])).sort()).toEqual(
      records
        .filter((r) => r.deckId === 'deck1')
        .map((r) => r.cardId)
        .sort(),
    );
    store.close();
  });
});

/** The counts read off every record, the way the statistics read them before the index did. */
function countsOfRecords(records: readonly StateRecord[]): StateCounts {
  const byPhase = { new: 0, learning: 0, review: 0, relearning: 0 };
  for (const record of records) byPhase[record.fsrs.phase]++;
  const parked = records.filter((r) => r.suspended || r.retired).map((r) => ({ phase: r.fsrs.phase, suspended: r.suspended, retired: r.retired === true }));
  return { byPhase, parked };
}

describe('the write gate', () => {
  it('refuses every repository write while another window writes, and writes nothing; reads go on', async () => {
    const store = await Store.open(freshName());
    const basis = await store.writeBasis();
    const state = { cardId: 'c', deckId: 'a', fsrs: unseenState(NOW), suspended: true, buriedUntil: 0, leech: false } satisfies StateRecord;
    const log = { cardId: 'c', deckId: 'a', rating: 3, time: NOW, durationMs: 1000, phaseBefore: 'new', elapsedDays: 0, shift: 0, after: unseenState(NOW) } as const;
    const section = { id: 's', deckId: 'a', path: ['Tema'], createdAt: NOW };
    store.stopWrites();
    const writes: [string, () => Promise<unknown>][] = [
      ['settings.put', () => store.settings.put('theme', 'dark')],
      ['settings.putMany', () => store.settings.putMany({ theme: 'dark', language: 'es' })],
      ['schedule.putFlags', () => store.schedule.putFlags(state, null, basis)],
      ['schedule.recordReview', () => store.schedule.recordReview({ state, before: null, log }, basis)],
      ['schedule.restoreState', () => store.schedule.restoreState({ cardId: 'c', deckId: 'a', before: null, written: state, log: null }, basis)],
      ['hidden.unhide', () => store.hidden.unhide(['c'])],
      ['hidden.hideSection', () => store.hidden.hideSection(section, NOW, basis)],
      ['hidden.showSection', () => store.hidden.showSection('s')],
    ];
    for (const [name, write] of writes) await expect(write(), name).rejects.toMatchObject({ kind: 'elsewhere' });
    expect(await store.settings.getMany(['theme', 'language'])).toEqual({});
    expect(await store.schedule.trackedCardIds(null)).toEqual([]);
    expect(await store.log.since(0)).toEqual([]);
    store.resumeWrites();
    await store.settings.put('theme', 'dark');
    expect(await store.settings.get('theme')).toBe('dark');
    store.close();
  });
});
