// @vitest-environment jsdom
// Issue 12, pattern 15: a note gone from the folder or zip it was imported from retires its deck's cards, history
// kept, and they come back with it. jsdom: DOMPurify needs a DOM that behaves like a browser's.
import 'fake-indexeddb/auto';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { applyImport, prepareImport } from '../../src/adapters/import-notes.ts';
import { previewView } from '../../src/adapters/import-session.ts';
import { bytesFile, type SelectedFile } from '../../src/adapters/picked-files.ts';
import { Store } from '../../src/adapters/store.ts';
import { purgeRetired } from '../../src/adapters/store-import.ts';
import { createScheduler } from '../../src/core/scheduler.ts';
import { storedProblems } from '../support/invariants.ts';

const note = (path: string, text: string): SelectedFile => bytesFile(path, new TextEncoder().encode(text));
const ALGEBRA = '# Álgebra\n\n## Grupo\n\nUn conjunto con una operación asociativa, neutro e inversos.\n\n## Anillo\n\nUn grupo abeliano con un producto asociativo.\n';
const BIOLOGY = '# Biología\n\n## Célula\n\nLa unidad básica de la vida.\n\n## Mitosis\n\nLa división de una célula en dos idénticas.\n';
const folder = (...files: [string, string][]) => files.map(([name, text]) => note(`Apuntes/${name}`, text));
let counter = 0;

async function reviewFirstCard(store: Store, deckId: string): Promise<string> {
  const ref = (await store.decks.cardRefs([deckId]))[0]!.refs[0]!;
  const fsrs = createScheduler().next(null, 3, 2, 0);
  await store.schedule.recordReview(
    {
      state: { cardId: ref.id, deckId, fsrs, suspended: false, buriedUntil: 0, leech: false, queueDue: fsrs.due },
      before: null,
      log: { cardId: ref.id, deckId, rating: 3, time: 2, durationMs: 1, phaseBefore: null, after: fsrs, elapsedDays: 0, shift: 0 },
    },
    await store.writeBasis(),
  );
  return ref.id;
}

describe('deleted notes retire', () => {
  it('a note gone from the folder is listed as no longer in your notes, retires with its history, and returns with it', async () => {
    const name = `gone-${++counter}`;
    const store = await Store.open(name);
    await applyImport(store, await prepareImport(store, folder(['algebra.md', ALGEBRA], ['biologia.md', BIOLOGY])), 1);
    const reviewed = await reviewFirstCard(store, 'biologia');

    const without = await prepareImport(store, folder(['algebra.md', ALGEBRA]));
    const view = previewView(without);
    const gone = view.decks.find((d) => d.deckId === 'biologia')!;
    expect(gone).toMatchObject({ gone: 'missing', source: 'biologia.md', counts: { retired: 2 } });
    expect(gone.questions.retired).toEqual(['Célula', 'Mitosis']);
    expect(view.hasChanges).toBe(true);
    await applyImport(store, without, 3);

    expect(await store.decks.get('biologia')).toMatchObject({ cardCount: 0, retired: 2 });
    const [state] = (await store.schedule.states([reviewed])).values();
    expect(state).toMatchObject({ retired: true });
    expect(state!.queueDue).toBeUndefined();
    expect(await store.schedule.due(1e12)).not.toContainEqual(expect.objectContaining({ cardId: reviewed }));
    expect(await store.log.ofCard(reviewed)).toHaveLength(1);
    expect(await storedProblems(name)).toEqual([]);

    const back = await prepareImport(store, folder(['algebra.md', ALGEBRA], ['biologia.md', BIOLOGY]));
    expect(back.summaries.get('biologia')).toMatchObject({ revived: 2 });
    await applyImport(store, back, 4);
    expect(await store.decks.get('biologia')).toMatchObject({ cardCount: 2, retired: 0 });
    const [revived] = (await store.schedule.states([reviewed])).values();
    expect(revived).toMatchObject({ queueDue: revived!.fsrs.due, fsrs: { reps: 1 } });
    expect(revived!.retired).toBeUndefined();
    expect(await storedProblems(name)).toEqual([]);
    store.close();
  });

  it('a note that now gives no cards retires as well, and says so', async () => {
    const name = `gone-${++counter}`;
    const store = await Store.open(name);
    await applyImport(store, await prepareImport(store, folder(['algebra.md', ALGEBRA], ['biologia.md', BIOLOGY])), 1);
    const emptied = await prepareImport(store, folder(['algebra.md', ALGEBRA], ['biologia.md', '---\nflashcards: false\n---\n' + BIOLOGY]));
    expect(previewView(emptied).decks.find((d) => d.deckId === 'biologia')).toMatchObject({ gone: 'no-cards', counts: { retired: 2 } });
    store.close();
  });

  it('never retires what was not part of that folder, a note it could not read, or a note renamed within it', async () => {
    const name = `gone-${++counter}`;
    const store = await Store.open(name);
    await applyImport(store, await prepareImport(store, folder(['algebra.md', ALGEBRA], ['biologia.md', BIOLOGY])), 1);
    await applyImport(store, await prepareImport(store, [note('Otros/quimica.md', '# Química\n\n## Mol\n\nCantidad de sustancia.\n')]), 2);

    // Loose files have no folder: nothing else is touched.
    expect(previewView(await prepareImport(store, [note('algebra.md', ALGEBRA)])).decks.filter((d) => d.gone)).toEqual([]);
    // The same folder again, with a note over the size cap: still in the notes, so its deck stays.
    const big = note('Apuntes/biologia.md', BIOLOGY + 'x'.repeat(2 * 1024 * 1024));
    const capped = previewView(await prepareImport(store, [...folder(['algebra.md', ALGEBRA]), big]));
    expect(capped.decks.filter((d) => d.gone)).toEqual([]);
    expect(capped.problems).toContainEqual(expect.objectContaining({ file: 'biologia.md', code: 'note-too-large' }));
    // A note renamed in the folder is the same deck under its new name, not a deck gone and a new one.
    const renamed = previewView(await prepareImport(store, folder(['algebra.md', ALGEBRA], ['vida.md', BIOLOGY])));
    expect(renamed.decks.filter((d) => d.gone)).toEqual([]);
    expect(renamed.decks.find((d) => d.source === 'vida.md')).toMatchObject({ deckId: 'biologia', matched: true });
    // Importing the other folder again retires nothing of the first.
    expect(previewView(await prepareImport(store, [note('Otros/quimica.md', '# Química\n\n## Mol\n\nCantidad de sustancia.\n')])).decks.filter((d) => d.gone)).toEqual([]);
    store.close();
  });

  it('works for a zip imported again, and a deck left with no card at all goes when retired cards are purged', async () => {
    const name = `gone-${++counter}`;
    const store = await Store.open(name);
    const zip = (files: Record<string, string>) => bytesFile('apuntes.zip', zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)]))));
    await applyImport(store, await prepareImport(store, [zip({ 'algebra.md': ALGEBRA, 'biologia.md': BIOLOGY })]), 1);
    const reviewed = await reviewFirstCard(store, 'biologia');
    const preview = await prepareImport(store, [zip({ 'algebra.md': ALGEBRA })]);
    expect(previewView(preview).decks.find((d) => d.gone)).toMatchObject({ deckId: 'biologia', gone: 'missing' });
    await applyImport(store, preview, 3);
    // Listed once: a deck with nothing left to retire is not listed again.
    expect(previewView(await prepareImport(store, [zip({ 'algebra.md': ALGEBRA })])).decks.filter((d) => d.gone)).toEqual([]);

    expect(await purgeRetired(store)).toBe(2);
    expect(await store.decks.get('biologia')).toBeUndefined();
    expect(await store.log.ofCard(reviewed)).toHaveLength(0);
    expect((await store.decks.list()).map((d) => d.id)).toEqual(['algebra']);
    expect(await storedProblems(name)).toEqual([]);
    store.close();
  });
});
