// @vitest-environment jsdom
// jsdom: imports sanitize card HTML with DOMPurify, which needs a DOM that behaves like a browser's.
//
// Two windows of Repaso on one database, with no lock between them: each store below is another connection to the
// same IndexedDB database, as two tabs have. These pin the findings of the two-tab attacks (issue 11): every
// write checks, inside its own transaction, that what it replaces is what it read.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { readBackupArchive } from '../../src/adapters/backup-file.ts';
import { syncBundledDecks } from '../../src/adapters/bundled-decks.ts';
import type { PickedBlob } from '../../src/adapters/picked-files.ts';
import { Store } from '../../src/adapters/store.ts';
import { StoreError } from '../../src/adapters/store-error.ts';
import { archiveContent, exportArchive, replaceAll } from '../../src/adapters/store-backup.ts';
import { inThreadImports } from '../../src/adapters/import-session.ts';
import { ImportFlow } from '../../src/state/import-flow.svelte.ts';
import { ReviewSession } from '../../src/state/review-session.svelte.ts';
import { loadStudyContext } from '../../src/state/study-context.ts';
import { dumpDatabase, storedProblems } from '../support/invariants.ts';
import { deckCard, deckFile, fakeDeckServer, FakeClock } from '../support/fixtures.ts';

const MIN = 60_000;
let counter = 0;
const note = (path: string, text: string): PickedBlob => ({ blob: new Blob([text]), name: path, path });
const NOTES = '# T\n\n## Uno\n\nPrimero.\n\n## Dos\n\nSegundo.\n\n## Tres\n\nTercero.\n';

/** Two windows on one fresh database holding deck `a` (three new cards) — or nothing, with `empty`. */
async function twoWindows({ empty = false } = {}) {
  const name = `windows-${++counter}`;
  const first = await Store.open(name);
  if (!empty) {
    const cards = [0, 1, 2].map((i) => deckCard(`a${i}`, `Q${i}`, `A${i}`, `s${i}`));
    await syncBundledDecks(first, 0, undefined, fakeDeckServer([deckFile('a', cards)]).fetch);
  }
  const second = await Store.open(name);
  const clock = new FakeClock(Date.UTC(2026, 4, 1, 10), 120);
  return { name, clock, a: await loadStudyContext(first, clock), b: await loadStudyContext(second, clock) };
}

async function answer(session: ReviewSession, rating: 1 | 2 | 3 | 4) {
  session.reveal();
  await session.rate(rating);
}

async function session(context: Awaited<ReturnType<typeof twoWindows>>['a'], decks: string[] | null = null) {
  const started = new ReviewSession(context, decks);
  await started.start();
  return started;
}

const problems = storedProblems;
const dump = dumpDatabase;

describe('two windows of Repaso with no lock between them', () => {
  it('the same card rated in both windows: the second rating is refused, its session refreshed, one log entry', async () => {
    const { name, a, b } = await twoWindows();
    const inA = await session(a);
    const inB = await session(b);
    const card = inA.card!.ref.id;
    expect(inB.card!.ref.id).toBe(card);

    await answer(inA, 3);
    await answer(inB, 3);

    expect(inB.error).toBeNull();
    expect(inB.changedElsewhere).toBe('session');
    expect(inB.card!.ref.id).not.toBe(card);
    expect((await dump(name)).log.filter((l) => l.cardId === card)).toHaveLength(1);
    expect(await problems(name)).toEqual([]);
  });

  it('undo in one window after the other reviewed the card: the undo is refused and the other review stays', async () => {
    const { name, a, b, clock } = await twoWindows();
    const inA = await session(a);
    const card = inA.card!.ref.id;
    await answer(inA, 1);
    clock.advance(2 * MIN);
    const inB = await session(b);
    expect(inB.card!.ref.id).toBe(card);
    await answer(inB, 3);

    await inA.undo();

    expect(inA.changedElsewhere).toBe('undo');
    expect(inA.canUndo).toBe(false);
    const after = await dump(name);
    expect(after.log.filter((l) => l.cardId === card).map((l) => l.rating)).toEqual([1, 3]);
    expect(after.states.find((s) => s.cardId === card)!.fsrs.reps).toBe(2);
    expect(await problems(name)).toEqual([]);
  });

  it('a window left on a session while the other reviews: no forked history', async () => {
    const { name, a, b, clock } = await twoWindows();
    const idle = await session(a);
    const busy = await session(b);
    for (let i = 0; i < 3; i++) {
      await answer(busy, 3);
      clock.advance(MIN);
    }
    // The idle window still shows the first card, read before the other window's reviews.
    await answer(idle, 4);

    expect(idle.changedElsewhere).toBe('session');
    const log = (await dump(name)).log;
    expect(log).toHaveLength(3);
    expect(await problems(name)).toEqual([]);
  });

  it('an import with edits and retirements in one window while the other reviews that deck: no phantom learning cards', async () => {
    const { name, a, b } = await twoWindows({ empty: true });
    const first = new ImportFlow(a, inThreadImports(a.store));
    await first.pick([note('t.md', NOTES)]);
    await first.confirm();
    const reviewing = await session(b, ['t']);
    const shown = reviewing.card!.ref;
    expect(shown.key).toMatch(/uno/);

    // The other window's notes lost "Uno" and edited "Dos": Uno, never reviewed, is retired.
    const reimport = new ImportFlow(a, inThreadImports(a.store));
    await reimport.pick([note('t.md', NOTES.replace('## Uno\n\nPrimero.\n\n', '').replace('Segundo.', 'Segundo, editado.'))]);
    await reimport.confirm();
    expect(reimport.status).toBe('done');

    await answer(reviewing, 3);

    expect(reviewing.changedElsewhere).toBe('session');
    const after = await dump(name);
    expect(after.states.find((s) => s.cardId === shown.id)).toBeUndefined();
    expect(after.cardRefs[0]!.refs.find((r) => r.id === shown.id)!.retired).toBe(true);
    expect(await problems(name)).toEqual([]);
  });

  it('an import preview left open while the same notes are imported and reviewed elsewhere is planned again, and no review is detached', async () => {
    const { name, a, b, clock } = await twoWindows({ empty: true });
    const left = new ImportFlow(a, inThreadImports(a.store));
    await left.pick([note('t.md', NOTES)]);
    expect(left.status).toBe('preview');

    const other = new ImportFlow(b, inThreadImports(b.store));
    await other.pick([note('t.md', NOTES)]);
    await other.confirm();
    const reviewing = await session(b, ['t']);
    await answer(reviewing, 3);
    clock.advance(MIN);
    await answer(reviewing, 3);

    await left.confirm();
    expect(left.status).toBe('preview');
    expect(left.replanned).toBe(true);
    expect(left.hasChanges).toBe(false);
    await left.confirm();
    expect(left.status).toBe('done');

    expect(await problems(name)).toEqual([]);
    expect((await dump(name)).log).toHaveLength(2);
    // The next backup is accepted by the app's own restore.
    expect(readBackupArchive(await exportArchive(b.store, clock.now())).ok).toBe(true);
  });

  it('a restore in one window while the other is mid-review: the other writes nothing and says so', async () => {
    const { name, a, b, clock } = await twoWindows();
    const backup = readBackupArchive(await exportArchive(a.store, clock.now()));
    if (!backup.ok) throw new Error('expected a good backup');
    const reviewing = await session(a);
    await answer(reviewing, 3);

    await replaceAll(b.store, archiveContent(backup));
    await answer(reviewing, 3);

    expect(reviewing.error).toBeInstanceOf(StoreError);
    expect((reviewing.error as StoreError).kind).toBe('replaced');
    expect((await dump(name)).log).toHaveLength(0);
    expect(await problems(name)).toEqual([]);
  });

  it('two windows loading the bundled decks at once on a first visit keep one set of card ids, and a review made meanwhile stays', async () => {
    const name = `windows-${++counter}`;
    const [one, two] = await Promise.all([Store.open(name), Store.open(name)]);
    const server = fakeDeckServer([deckFile('a', [deckCard('k1', 'Q1', 'A1'), deckCard('k2', 'Q2', 'A2')])]);
    // The second window has read the (empty) database and waits for the deck file while the first loads and reviews.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow = (async (input: RequestInfo | URL) => {
      if (!String(input).endsWith('index.json')) await gate;
      return server.fetch(input);
    }) as typeof fetch;
    const second = syncBundledDecks(two, 0, undefined, slow);
    await syncBundledDecks(one, 0, undefined, server.fetch);
    const clock = new FakeClock(Date.UTC(2026, 4, 1, 10));
    await answer(await session(await loadStudyContext(one, clock)), 3);
    release();
    await second;

    const after = await dump(name);
    expect(after.cardRefs[0]!.refs).toHaveLength(2);
    expect(after.log).toHaveLength(1);
    expect(await problems(name)).toEqual([]);
  });
});
