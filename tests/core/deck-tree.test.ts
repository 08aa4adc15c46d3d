import { describe, expect, it } from 'vitest';
import { buildDeckTree, countDecks, overallCounts, type DeckInfo } from '../../src/core/deck-tree.ts';
import { doneToday } from '../../src/core/queue.ts';

const decks: DeckInfo[] = [
  { id: 'git', title: 'Git basics', path: ['Software', 'Version control', 'Git basics'], navOrder: 1, cardCount: 10, tracked: 4 },
  { id: 'http', title: 'HTTP', path: ['Software', 'The web', 'HTTP'], navOrder: 2, cardCount: 30, tracked: 0 },
  { id: 'redes', title: 'Redes', path: ['Redes'], navOrder: 1, cardCount: 5, tracked: 5 },
  { id: 'osi', title: 'Modelo OSI', path: ['Redes', 'Modelo OSI'], navOrder: 2, cardCount: 8, tracked: 1 },
];
const limits = { newPerDay: 20, reviewsPerDay: 200 };

describe('deck counts', () => {
  it('counts due learning and review cards, and new cards within the day limit minus what was done', () => {
    const counts = countDecks({
      decks,
      due: [
        { deckId: 'git', phase: 'review' },
        { deckId: 'git', phase: 'learning' },
        { deckId: 'osi', phase: 'relearning' },
      ],
      doneByDeck: doneToday([
        { deckId: 'http', beforePhase: null },
        { deckId: 'http', beforePhase: null },
        { deckId: 'git', beforePhase: 'review' },
        { deckId: 'git', beforePhase: 'learning' },
      ]),
      leechesByDeck: new Map([['osi', 1]]),
      limitsFor: () => limits,
    });
    expect(counts.get('git')).toEqual({ fresh: 6, learning: 1, reviews: 1, leeches: 0, total: 10 });
    expect(counts.get('http')).toMatchObject({ fresh: 18 });
    expect(counts.get('redes')).toMatchObject({ fresh: 0 });
    expect(counts.get('osi')).toMatchObject({ fresh: 7, learning: 1, leeches: 1 });
  });
});

describe('deck tree', () => {
  it('groups decks by path, a parent page being a deck too, with counts summed upwards', () => {
    const counts = countDecks({ decks, due: [], doneByDeck: new Map(), leechesByDeck: new Map(), limitsFor: () => limits });
    const tree = buildDeckTree(decks, counts);
    expect(tree.map((n) => n.name)).toEqual(['Redes', 'Software']);
    const redes = tree[0]!;
    expect(redes.deckId).toBe('redes');
    expect(redes.children.map((c) => c.name)).toEqual(['Modelo OSI']);
    expect(redes.deckIds).toEqual(['redes', 'osi']);
    expect(redes.counts.fresh).toBe(7);
    const software = tree[1]!;
    expect(software.deckId).toBeNull();
    expect(software.children.map((c) => c.name)).toEqual(['Version control', 'The web']);
    expect(software.counts.total).toBe(40);
  });
});

describe('deck rows within the overall limit', () => {
  it('regression: after 20 new cards the header said "All caught up" while deck rows still promised 13, 30 and 1 new', () => {
    const counts = countDecks({ decks, due: [{ deckId: 'git', phase: 'review' }], doneByDeck: new Map(), leechesByDeck: new Map(), limitsFor: () => limits });
    const done = [{ newCards: 20, reviews: 0 }];
    const totals = overallCounts([...counts.values()], done, limits);
    expect(totals.fresh).toBe(0);
    const tree = buildDeckTree(decks, counts, totals);
    const all = (nodes: typeof tree): typeof tree => nodes.flatMap((n) => [n, ...all(n.children)]);
    expect(all(tree).map((n) => n.counts.fresh)).toEqual(all(tree).map(() => 0));
    // Reviews still have room: the git row keeps its due review.
    expect(tree[1]!.counts.reviews).toBe(1);
  });

  it('a parent shows no more new cards than one session of it could give (regression: 30 against a limit of 20)', () => {
    const counts = countDecks({ decks, due: [], doneByDeck: new Map(), leechesByDeck: new Map(), limitsFor: () => limits });
    const software = buildDeckTree(decks, counts, overallCounts([...counts.values()], [], limits))[1]!;
    expect(software.children.map((c) => c.counts.fresh)).toEqual([6, 20]);
    expect(software.counts.fresh).toBe(20);
  });
});

describe('overall counts', () => {
  it('cap the sum of the decks at the overall daily limits, minus what was done today', () => {
    const perDeck = [
      { fresh: 15, learning: 1, reviews: 150, leeches: 0, total: 300 },
      { fresh: 15, learning: 2, reviews: 100, leeches: 1, total: 300 },
    ];
    const totals = overallCounts(perDeck, [{ newCards: 5, reviews: 20 }], limits);
    expect(totals).toEqual({ fresh: 15, learning: 3, reviews: 180, leeches: 1, total: 600 });
  });
});
