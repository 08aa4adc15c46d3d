/** The deck list with today's counts, read from the store's indexes. */
import { buildDeckTree, countDecks, doneToday, type Counts, type DeckNode } from '../core/deck-tree.ts';
import type { DeckRecord } from '../adapters/db-schema.ts';
import { dayWindow, type StudyContext } from './study-context.ts';

export class Library {
  decks = $state.raw<DeckRecord[]>([]);
  tree = $state.raw<DeckNode[]>([]);
  loaded = $state(false);

  constructor(private readonly context: StudyContext) {}

  get totals(): Counts {
    return this.tree.reduce(
      (sum, node) => ({
        fresh: sum.fresh + node.counts.fresh,
        learning: sum.learning + node.counts.learning,
        reviews: sum.reviews + node.counts.reviews,
        leeches: sum.leeches + node.counts.leeches,
        total: sum.total + node.counts.total,
      }),
      { fresh: 0, learning: 0, reviews: 0, leeches: 0, total: 0 },
    );
  }

  async refresh(): Promise<void> {
    const { store } = this.context;
    const day = dayWindow(this.context);
    const [decks, due, todays, leeches] = await Promise.all([
      store.listDecks(),
      store.dueStates(day.dayEnd),
      store.reviewsSince(day.dayStart),
      store.leeches(),
    ]);
    const leechesByDeck = new Map<string, number>();
    for (const leech of leeches) leechesByDeck.set(leech.deckId, (leechesByDeck.get(leech.deckId) ?? 0) + 1);
    const counts = countDecks({
      decks,
      due: due.map((s) => ({ deckId: s.deckId, phase: s.fsrs.phase })),
      doneByDeck: doneToday(todays.map((r) => ({ deckId: r.deckId, beforePhase: r.before?.fsrs.phase ?? null }))),
      leechesByDeck,
      limitsFor: this.context.limitsFor,
    });
    this.decks = decks;
    this.tree = buildDeckTree(decks, counts);
    this.loaded = true;
  }
}
