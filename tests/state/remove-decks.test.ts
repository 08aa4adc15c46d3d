// Issue 13, item 3: decks can be deleted (with their history, or keeping it) and sample decks removed for good.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { syncBundledDecks } from '../../src/adapters/bundled-decks.ts';
import { Store } from '../../src/adapters/store.ts';
import { Library } from '../../src/state/library.svelte.ts';
import { loadStudyContext } from '../../src/state/study-context.ts';
import { deckCard, deckFile, fakeDeckServer, FakeClock } from '../support/fixtures.ts';
import { storedProblems } from '../support/invariants.ts';
import { reviewEverything } from '../support/sessions.ts';

let counter = 0;

async function setup() {
  const name = `remove-decks-${++counter}`;
  const store = await Store.open(name);
  const clock = new FakeClock(Date.UTC(2026, 4, 1, 10), 120);
  const server = fakeDeckServer([deckFile('a', [deckCard('a1', 'A1', 'a'), deckCard('a2', 'A2', 'a', 's2')]), deckFile('b', [deckCard('b1', 'B1', 'b')])]);
  await syncBundledDecks(store, clock.now(), undefined, server.fetch);
  const context = await loadStudyContext(store, clock);
  await reviewEverything(context);
  const library = new Library(context);
  await library.refresh();
  return { name, store, clock, server, library };
}

describe('removing decks', () => {
  it('keeping the history: the cards retire with their reviews, out of the list and the reviews', async () => {
    const { name, store, library } = await setup();
    expect(await library.historyOf(['a'])).toEqual({ cards: 2, reviews: 4 });
    await library.removeDecks(['a'], true);
    expect(library.tree.map((n) => n.name)).toEqual(['b']);
    expect(library.retired).toBe(2);
    expect((await store.log.between(0, Infinity)).length).toBe(6);
    expect(await store.schedule.due(Infinity)).toHaveLength(1);
    expect(await storedProblems(name)).toEqual([]);
  });

  it('with the history: the deck, its cards, states and reviews go; other decks are untouched', async () => {
    const { name, store, library } = await setup();
    await library.removeDecks(['a'], false);
    expect((await store.decks.list()).map((d) => d.id)).toEqual(['b']);
    expect((await store.log.between(0, Infinity)).map((r) => r.deckId)).toEqual(['b', 'b']);
    expect(await store.decks.cardBodies('a')).toEqual([]);
    expect(await storedProblems(name)).toEqual([]);
  });

  it('a removed deck that comes with the app is never loaded again (regression guard: the next start brought it back)', async () => {
    const { store, clock, server, library } = await setup();
    await library.removeDecks(['a'], false);
    const again = await syncBundledDecks(store, clock.now(), undefined, server.fetch);
    expect(again.loaded).toBe(0);
    expect((await store.decks.list()).map((d) => d.id)).toEqual(['b']);
  });

  it('folded folders are remembered', async () => {
    const { store, library } = await setup();
    await library.toggleCollapsed('["a"]');
    const reopened = new Library(await loadStudyContext(store, new FakeClock(Date.UTC(2026, 4, 1, 11), 120)));
    await reopened.refresh();
    expect([...reopened.collapsed]).toEqual(['["a"]']);
  });
});
