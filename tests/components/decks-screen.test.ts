import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { buildDeckTree, countDecks } from '../../src/core/deck-tree.ts';
import DecksScreen from '../../src/routes/DecksScreen.svelte';
import type { Library } from '../../src/state/library.svelte.ts';

function library(decks: Parameters<typeof buildDeckTree>[0], extra: Partial<Library> = {}): Library {
  const counts = countDecks({ decks, due: [], doneByDeck: new Map(), leechesByDeck: new Map([['b', 2]]), limitsFor: () => ({ newPerDay: 20, reviewsPerDay: 200 }) });
  const tree = buildDeckTree(decks, counts);
  const totals = tree.reduce((s, n) => ({ ...s, fresh: s.fresh + n.counts.fresh }), { fresh: 0, learning: 0, reviews: 0, leeches: 0, total: 0 });
  return { tree, totals, decks: [], samples: [], collapsed: new Set(), hidden: [], hiddenSections: [], loaded: true, refresh: async () => {}, ...extra } as unknown as Library;
}

describe('DecksScreen', () => {
  it('has a friendly empty state', () => {
    render(DecksScreen, { library: library([]), notice: null, onstudy: vi.fn() });
    expect(screen.getByRole('heading', { name: 'No decks yet' })).toBeTruthy();
  });

  it('lists decks by path with their counts and leeches, and studies a whole branch', async () => {
    const onstudy = vi.fn();
    render(DecksScreen, {
      library: library([
        { id: 'a', title: 'Git', path: ['Software', 'Git'], cardCount: 4, tracked: 0 },
        { id: 'b', title: 'HTTP', path: ['Software', 'HTTP'], cardCount: 3, tracked: 0 },
      ]),
      notice: null,
      onstudy,
    });
    expect(screen.getByRole('heading', { name: '7 to study today' })).toBeTruthy();
    expect(screen.getAllByText('2 leeches suspended')).toHaveLength(2); // the deck and its parent
    screen.getByRole('button', { name: /^Study: Software/ }).click();
    expect(onstudy).toHaveBeenCalledWith(['a', 'b']);
  });

  it('reminds of a backup when one is due: "Later" snoozes it, "Back up" opens the settings', async () => {
    const snoozeBackupReminder = vi.fn(async () => {});
    const onopen = vi.fn();
    render(DecksScreen, { library: library([], { backupDue: true, snoozeBackupReminder }), notice: null, onstudy: vi.fn(), onopen });
    expect(screen.getByText(/last backup is more than two weeks old/)).toBeTruthy();
    screen.getByRole('button', { name: 'Later' }).click();
    expect(snoozeBackupReminder).toHaveBeenCalled();
    screen.getByRole('button', { name: 'Back up' }).click();
    expect(onopen).toHaveBeenCalledWith('settings');
  });

  it('shows no backup reminder when none is due', () => {
    render(DecksScreen, { library: library([], { backupDue: false }), notice: null, onstudy: vi.fn() });
    expect(screen.queryByText(/last backup/)).toBeNull();
  });

  it('lists the cards the user chose never to see, and shows one again', async () => {
    const unhide = vi.fn(async () => {});
    const hiddenCards = vi.fn(async () => [{ cardId: 'c1', question: '¿Qué es RAG?', deck: 'RAG' }]);
    render(DecksScreen, { library: library([], { hidden: [{ cardId: 'c1', deckId: 'rag' }], hiddenCards, unhide }), notice: null, onstudy: vi.fn() });
    expect(await screen.findByText('1 card you chose never to see.')).toBeTruthy();
    await fireEvent.click(screen.getByRole('button', { name: 'See them' }));
    expect(await screen.findByText('¿Qué es RAG?')).toBeTruthy();
    await fireEvent.click(screen.getByRole('button', { name: 'Show again' }));
    expect(unhide).toHaveBeenCalledWith('c1');
    expect(screen.queryByText('¿Qué es RAG?')).toBeNull();
  });

  it('lists the sections the user chose never to see, with their cards, and shows one again', async () => {
    const showSection = vi.fn(async () => {});
    const hiddenSections = [{ id: 'rag/s3', deck: 'RAG', path: ['RAG', 'Historia'], cards: 4 }];
    render(DecksScreen, { library: library([], { hiddenSections, showSection }), notice: null, onstudy: vi.fn() });
    expect(await screen.findByText('1 section you chose never to see:')).toBeTruthy();
    expect(screen.getByText('RAG › Historia')).toBeTruthy();
    expect(screen.getByText('RAG · 4 cards')).toBeTruthy();
    await fireEvent.click(screen.getByRole('button', { name: 'Show again' }));
    expect(showSection).toHaveBeenCalledWith('rag/s3');
  });
});
