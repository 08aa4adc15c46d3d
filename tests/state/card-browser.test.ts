// Issue 13, item 1: the card browser finds any card and acts on one or many, with Undo, and loses nothing.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { syncBundledDecks } from '../../src/adapters/bundled-decks.ts';
import { Store } from '../../src/adapters/store.ts';
import { FORGET } from '../../src/core/scheduler.ts';
import { CardBrowser } from '../../src/state/card-browser.svelte.ts';
import { ReviewSession } from '../../src/state/review-session.svelte.ts';
import { loadStudyContext } from '../../src/state/study-context.ts';
import { deckCard, deckFile, fakeDeckServer, FakeClock } from '../support/fixtures.ts';
import { storedProblems } from '../support/invariants.ts';
import { reviewEverything } from '../support/sessions.ts';

let counter = 0;

async function setup() {
  const name = `card-browser-${++counter}`;
  const store = await Store.open(name);
  const clock = new FakeClock(Date.UTC(2026, 4, 1, 10), 120);
  const cards = [
    deckCard('cell', '¿Qué es una célula?', 'La unidad más pequeña de la vida.', 'cell'),
    deckCard('nucleus', 'Núcleo', 'Guarda el ADN.', 'nucleus'),
    deckCard('ribosome', 'Ribosoma', 'Fabrica proteínas.', 'ribosome'),
  ];
  await syncBundledDecks(store, clock.now(), undefined, fakeDeckServer([deckFile('bio', cards), deckFile('net', [deckCard('tcp', 'TCP', 'Reliable transport.', 'tcp')])]).fetch);
  const context = await loadStudyContext(store, clock);
  return { name, store, clock, context };
}

describe('the card browser', () => {
  it('searches without accents or case, over question, answer and breadcrumb, and filters by deck and state', async () => {
    const { context } = await setup();
    const browser = new CardBrowser(context);
    await browser.load();
    expect(browser.results).toHaveLength(4);
    browser.text = 'CELULA';
    expect(browser.results.map((r) => r.card.body.question)).toEqual(['¿Qué es una célula?']);
    browser.text = 'adn';
    expect(browser.results.map((r) => r.card.body.question)).toEqual(['Núcleo']);
    browser.text = '';
    browser.deckKey = browser.deckOptions.find((o) => o.deckIds.includes('net'))!.key;
    expect(browser.results.map((r) => r.card.deckId)).toEqual(['net']);
    browser.deckKey = '';
    browser.stateFilter = 'suspended';
    expect(browser.results).toHaveLength(0);
  });

  it('forget starts a card again as new and keeps its history with a forget entry; Undo removes only that entry', async () => {
    const { name, store, context } = await setup();
    await reviewEverything(context);
    const browser = new CardBrowser(context);
    await browser.load();
    const cell = browser.results.find((r) => r.card.body.question.includes('célula'))!.card.ref.id;
    const logBefore = await store.log.ofCard(cell);
    await browser.act('forget', [cell]);
    expect(browser.notice).toMatchObject({ action: 'forget', count: 1 });
    const after = await store.log.ofCard(cell);
    expect(after).toHaveLength(logBefore.length + 1);
    expect(after.at(-1)!.rating).toBe(FORGET);
    expect((await store.schedule.states([cell])).get(cell)!.fsrs).toMatchObject({ phase: 'new', reps: 0 });
    expect(browser.row(cell)!.status.phase).toBe('new');
    expect(await storedProblems(name)).toEqual([]);

    await browser.undo();
    expect(await store.log.ofCard(cell)).toEqual(logBefore);
    expect((await store.schedule.states([cell])).get(cell)!.fsrs.phase).not.toBe('new');
    expect(await storedProblems(name)).toEqual([]);
  });

  it('a forgotten card counts as new in the queue, and a forget entry is not a review of the day', async () => {
    const { store, context } = await setup();
    await reviewEverything(context);
    const browser = new CardBrowser(context);
    await browser.load();
    await browser.act('forget', [browser.results[0]!.card.ref.id]);
    const session = new ReviewSession(context, null);
    await session.start();
    expect(session.counts.fresh).toBe(1);
    session.dispose();
    const library = (await import('../../src/state/library.svelte.ts')).Library;
    const lib = new library(context);
    await lib.refresh();
    expect(lib.totals.fresh).toBe(1);
    expect((await store.log.between(0, Infinity)).length).toBeGreaterThan(0);
  });

  it('bulk suspend writes every selected card in one go, skips those already suspended, and Undo puts them all back', async () => {
    const { name, store, context } = await setup();
    const browser = new CardBrowser(context);
    await browser.load();
    const ids = browser.results.map((r) => r.card.ref.id);
    await browser.act('suspend', [ids[0]!]);
    await browser.act('suspend', ids);
    expect(browser.notice).toMatchObject({ action: 'suspend', count: 3 });
    const states = await store.schedule.states(ids);
    expect([...states.values()].every((s) => s.suspended && s.queueDue === undefined)).toBe(true);
    await browser.undo();
    const back = await store.schedule.states(ids);
    // The first card was suspended before the bulk action: Undo leaves it suspended.
    expect(ids.map((id) => back.get(id)?.suspended ?? false)).toEqual([true, false, false, false]);
    expect(await storedProblems(name)).toEqual([]);
  });

  it('an action on cards another window changed meanwhile writes nothing and shows them as they are (regression guard)', async () => {
    const { name, store, context } = await setup();
    const browser = new CardBrowser(context);
    await browser.load();
    const id = browser.results[0]!.card.ref.id;
    // Another window suspends the card after this one read it.
    const other = new CardBrowser(await loadStudyContext(await Store.open(name), context.clock));
    await other.load();
    await other.act('bury', [id]);
    await browser.act('suspend', [id]);
    expect(browser.notice?.action).toBe('elsewhere');
    const state = (await store.schedule.states([id])).get(id)!;
    expect(state.suspended).toBe(false);
    expect(state.buriedUntil).toBeGreaterThan(0);
    expect(browser.row(id)!.status.buried).toBe(true);
  });

  it('"Study now" gives that card alone, even when it is not due, then the session ends', async () => {
    const { context } = await setup();
    await reviewEverything(context);
    const browser = new CardBrowser(context);
    await browser.load();
    const row = browser.results.find((r) => r.status.phase === 'learning' || r.status.phase === 'review')!;
    const session = new ReviewSession(context, [row.card.deckId], { card: row.card.ref.id });
    await session.start();
    expect(session.card?.ref.id).toBe(row.card.ref.id);
    session.reveal();
    await session.rate(4);
    expect(session.status).toBe('done');
    session.dispose();
  });
});
