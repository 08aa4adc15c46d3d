// @vitest-environment jsdom
// Issue 12, pattern 16: "Never show cards from this section" hides a section and its subsections for good, through
// every later import, listed on the decks screen where "Show again" undoes it. jsdom: imports sanitize with DOMPurify.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { applyImport, prepareImport } from '../../src/adapters/import-notes.ts';
import { bytesFile } from '../../src/adapters/picked-files.ts';
import { Store } from '../../src/adapters/store.ts';
import { Library } from '../../src/state/library.svelte.ts';
import { ReviewSession } from '../../src/state/review-session.svelte.ts';
import { loadStudyContext } from '../../src/state/study-context.ts';
import { FakeClock } from '../support/fixtures.ts';
import { storedProblems } from '../support/invariants.ts';

const NOTES = '# Redes\n\n## TCP\n\nProtocolo fiable, orientado a conexión.\n\n### Saludo de tres vías\n\nSYN, SYN-ACK y ACK.\n\n## UDP\n\nProtocolo sin conexión.\n';
const EDITED = NOTES.replace('## UDP', '### Control de flujo\n\nLa ventana del receptor limita lo enviado.\n\n## TCP/IP\n\nLa familia de protocolos de Internet.\n\n## UDP');
let counter = 0;

async function importNotes(store: Store, text: string, now: number) {
  await applyImport(store, await prepareImport(store, [bytesFile('redes.md', new TextEncoder().encode(text))]), now);
}

async function questionsDue(store: Store, clock: FakeClock): Promise<string[]> {
  const session = new ReviewSession(await loadStudyContext(store, clock), ['redes']);
  await session.start();
  const seen: string[] = [];
  while (session.card) {
    seen.push(session.card.body.question);
    await session.bury();
  }
  session.dispose();
  return seen;
}

/** A store with NOTES imported and a review session of their deck, started. */
async function sessionOnNotes() {
  const name = `hidden-sections-${++counter}`;
  const store = await Store.open(name);
  const clock = new FakeClock(Date.UTC(2026, 4, 1, 10), 120);
  await importNotes(store, NOTES, clock.now());
  const context = await loadStudyContext(store, clock);
  const session = new ReviewSession(context, ['redes']);
  await session.start();
  return { name, store, clock, context, session };
}

describe('never show cards from this section', () => {
  it('hides the section and its subsections now and in every later import, until it is shown again', async () => {
    const { name, store, clock, context, session } = await sessionOnNotes();
    expect(session.card!.body.question).toBe('TCP');
    await session.hideSection();
    expect(session.card!.body.question).toBe('UDP');
    expect(session.counts.fresh).toBe(1);
    session.dispose();

    const library = new Library(context);
    await library.refresh();
    expect(library.hiddenSections).toEqual([{ id: expect.any(String), deck: 'Redes', path: ['TCP'], cards: 2 }]);
    expect(library.hidden).toEqual([]);

    // The notes grow: a new subsection of TCP is hidden as it arrives; "TCP/IP" only shares a prefix, and shows.
    clock.advance(86_400_000);
    await importNotes(store, EDITED, clock.now());
    expect(await questionsDue(store, clock)).toEqual(['TCP/IP', 'UDP']);
    await library.refresh();
    expect(library.hiddenSections[0]!.cards).toBe(3);
    expect(await storedProblems(name)).toEqual([]);

    await library.showSection(library.hiddenSections[0]!.id);
    expect(library.hiddenSections).toEqual([]);
    expect(await store.hidden.cards()).toEqual([]);
    await importNotes(store, EDITED + '\n## ICMP\n\nMensajes de control.\n', clock.now());
    // The next day, past the cards buried above.
    clock.advance(86_400_000);
    expect((await questionsDue(store, clock)).sort()).toEqual(['Control de flujo', 'ICMP', 'Saludo de tres vías', 'TCP', 'TCP/IP', 'UDP']);
    expect(await storedProblems(name)).toEqual([]);
    store.close();
  });

  it('leaves cards hidden one by one as they are, and a card shown again alone stays out of the section list', async () => {
    const { store, context, session } = await sessionOnNotes();
    await session.hide();
    expect(session.card!.body.question).toBe('Saludo de tres vías');
    // Its breadcrumb ends on "TCP": that section goes, TCP's own card stays hidden on its own.
    await session.hideSection();
    session.dispose();
    const library = new Library(context);
    await library.refresh();
    expect(library.hidden).toHaveLength(1);
    expect(library.hiddenSections).toEqual([{ id: expect.any(String), deck: 'Redes', path: ['TCP'], cards: 1 }]);
    store.close();
  });

  it('says what a card action did, with an Undo that brings the card, or the whole section, back', async () => {
    const { store, session } = await sessionOnNotes();
    await session.bury();
    expect(session.lastAction).toEqual({ kind: 'buried' });
    expect(session.card!.body.question).toBe('Saludo de tres vías');
    await session.undoAction();
    expect(session.lastAction).toBeNull();
    expect(session.card!.body.question).toBe('TCP');

    await session.hideSection();
    expect(session.lastAction).toMatchObject({ kind: 'section', title: 'TCP' });
    expect(session.counts.fresh).toBe(1);
    await session.undoAction();
    expect(session.lastAction).toBeNull();
    expect(session.counts.fresh).toBe(3);
    expect(await store.hidden.sections()).toEqual([]);
    expect(await store.hidden.cards()).toEqual([]);
    session.dispose();
    store.close();
  });
});
