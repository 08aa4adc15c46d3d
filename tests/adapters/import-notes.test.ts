// @vitest-environment jsdom
// jsdom: DOMPurify needs a DOM that behaves like a browser's.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { applyImport, prepareImport } from '../../src/adapters/import-notes.ts';
import { ImportSession } from '../../src/adapters/import-session.ts';
import { bytesFile, type SelectedFile } from '../../src/adapters/picked-files.ts';
import { Store } from '../../src/adapters/store.ts';
import { purgeRetired } from '../../src/adapters/store-import.ts';

const note = (path: string, text: string): SelectedFile => bytesFile(path, new TextEncoder().encode(text));
let counter = 0;

describe('importing notes in the app', () => {
  it('sanitizes what it stores, and keeps stored HTML for cards that did not change', async () => {
    const store = await Store.open(`import-${++counter}`);
    const hostile = '# T\n\n## Uno\n\nTexto <b>negrita</b>.\n\n## Dos\n\n[x](javascript:alert(1)) y texto.\n';
    const first = await prepareImport(store, [note('t.md', hostile)]);
    expect(first.summaries.get('t')).toMatchObject({ fresh: 2 });
    await applyImport(store, first, 1);
    const bodies = await store.decks.cardBodies('t');
    expect(bodies.map((b) => b.answerHtml).join('')).not.toMatch(/href="javascript|<script|<b>/);

    const again = await prepareImport(store, [note('t.md', hostile.replace('y texto.', 'y más texto.'))]);
    expect(again.summaries.get('t')).toMatchObject({ unchanged: 1, changed: 1 });
    const unchanged = again.plan.decks[0]!.cards.find((c) => c.change === 'unchanged')!;
    expect(unchanged.card.answerHtml).toBe(bodies.find((b) => b.id === unchanged.id)!.answerHtml);
    store.close();
  });

  it('lists refused files and still imports the good ones', async () => {
    const store = await Store.open(`import-${++counter}`);
    const preview = await prepareImport(store, [note('ok.md', '## Bien\n\nTexto.\n'), bytesFile('big.md', new Uint8Array(2 * 1024 * 1024 + 1).fill(65))]);
    expect(preview.problems).toEqual([{ file: 'big.md', code: 'note-too-large', megabytes: 2 }]);
    expect(preview.plan.decks.map((d) => d.deckId)).toEqual(['ok']);
    store.close();
  });
});

describe('purging retired cards', () => {
  it('deletes retired cards with their states and log entries, and nothing else', async () => {
    const store = await Store.open(`import-${++counter}`);
    const text = '# T\n\n## Uno\n\nPrimero.\n\n## Dos\n\nSegundo.\n';
    await applyImport(store, await prepareImport(store, [note('t.md', text)]), 1);
    const [uno, dos] = (await store.decks.cardRefs(['t']))[0]!.refs;
    for (const ref of [uno!, dos!]) {
      const fsrs = { phase: 'review' as const, due: 5, stability: 1, difficulty: 5, elapsedDays: 0, scheduledDays: 1, learningSteps: 0, reps: 1, lapses: 0, lastReview: 1 };
      await store.schedule.recordReview(
        {
          state: { cardId: ref.id, deckId: 't', fsrs, suspended: false, buriedUntil: 0, leech: false, queueDue: 5 },
          before: null,
          log: { cardId: ref.id, deckId: 't', rating: 3, time: 2, durationMs: 1, phaseBefore: null, after: fsrs, elapsedDays: 0, shift: 0 },
        },
        await store.writeBasis(),
      );
    }
    await applyImport(store, await prepareImport(store, [note('t.md', text.replace('## Dos\n\nSegundo.\n', ''))]), 3);
    expect((await store.decks.get('t'))!.retired).toBe(1);
    expect(await store.log.ofCard(dos!.id)).toHaveLength(1);
    expect(await purgeRetired(store)).toBe(1);
    expect(await store.log.ofCard(dos!.id)).toHaveLength(0);
    expect((await store.schedule.states([dos!.id])).size).toBe(0);
    expect(await store.log.ofCard(uno!.id)).toHaveLength(1);
    expect((await store.decks.cardRefs(['t']))[0]!.refs.map((r) => r.id)).toEqual([uno!.id]);
    expect((await store.decks.get('t'))!.retired).toBe(0);
    store.close();
  });

  it('keeps a card the user chose never to see hidden through edits, moves and a retire-and-return of its notes', async () => {
    const store = await Store.open(`import-${++counter}`);
    const text = '# T\n\n## Uno\n\nPrimero.\n\n## Dos\n\nSegundo.\n';
    await applyImport(store, await prepareImport(store, [note('t.md', text)]), 1);
    const dos = (await store.decks.cardRefs(['t']))[0]!.refs[1]!;
    const fsrs = { phase: 'new' as const, due: 1, stability: 0, difficulty: 0, elapsedDays: 0, scheduledDays: 0, learningSteps: 0, reps: 0, lapses: 0, lastReview: null };
    await store.schedule.putFlags({ cardId: dos.id, deckId: 't', fsrs, suspended: true, buriedUntil: 0, leech: false, hiddenOf: 't' }, null, await store.writeBasis());

    // The answer is edited: same key, same card, still hidden.
    await applyImport(store, await prepareImport(store, [note('t.md', text.replace('Segundo.', 'Segundo, editado.'))]), 2);
    // The section leaves the notes, then comes back.
    await applyImport(store, await prepareImport(store, [note('t.md', text.replace('## Dos\n\nSegundo.\n', ''))]), 3);
    await applyImport(store, await prepareImport(store, [note('t.md', text)]), 4);
    expect((await store.decks.cardRefs(['t']))[0]!.refs.find((r) => r.key === dos.key)!.id).toBe(dos.id);
    expect((await store.hidden.cards()).map((s) => s.cardId)).toEqual([dos.id]);
    expect((await store.schedule.states([dos.id])).get(dos.id)).toMatchObject({ suspended: true, hiddenOf: 't' });
    expect((await store.schedule.due(Infinity)).map((s) => s.cardId)).not.toContain(dos.id);
    store.close();
  });
});

describe('an import session (what the import worker runs)', () => {
  it('hands its HTML out in batches, applies only once every card came back sanitized, and writes it', async () => {
    const store = await Store.open(`import-${++counter}`);
    const session = new ImportSession(store);
    const view = await session.read([note('t.md', '# T\n\n## Uno\n\nPrimero.\n\n## Dos\n\nSegundo.\n\n## Tres\n\nTercero.\n')]);
    expect(view.toSanitize).toBe(3);
    await expect(session.apply(1)).rejects.toThrow(/sanitized/);
    for (const start of [0, 2])
      session.sanitized(
        start,
        session.html(start, 2).map((html) => html.replace('.</p>', ' ✓</p>')),
      );
    expect(await session.apply(1)).toEqual({ applied: true });
    expect((await store.decks.cardBodies('t')).map((b) => b.answerHtml)).toEqual(['<p>Primero ✓</p>', '<p>Segundo ✓</p>', '<p>Tercero ✓</p>']);
    store.close();
  });
});
