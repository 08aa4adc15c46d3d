/** The deck list with today's counts, read from the store's indexes. */
import { buildDeckTree, countDecks, doneToday, overallCounts, type Counts, type DeckNode } from '../core/deck-tree.ts';
import type { DeckRecord } from '../adapters/db-schema.ts';
import { dayWindow, type StudyContext } from './study-context.ts';

export class Library {
  decks = $state.raw<DeckRecord[]>([]);
  tree = $state.raw<DeckNode[]>([]);
  /** What "Study all" will show: the sum over decks, within the overall daily limits. */
  totals = $state.raw<Counts>({ fresh: 0, learning: 0, reviews: 0, leeches: 0, total: 0 });
  loaded = $state(false);
  /** Cards that left the notes, kept with their history. */
  retired = $state(0);

  constructor(private readonly context: StudyContext) {}

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
    const doneByDeck = doneToday(todays.map((r) => ({ deckId: r.deckId, beforePhase: r.before?.fsrs.phase ?? null })));
    const counts = countDecks({
      decks,
      due: due.map((s) => ({ deckId: s.deckId, phase: s.fsrs.phase })),
      doneByDeck,
      leechesByDeck,
      limitsFor: this.context.limitsFor,
    });
    this.decks = decks;
    this.retired = decks.reduce((sum, d) => sum + (d.retired ?? 0), 0);
    this.tree = buildDeckTree(decks, counts);
    this.totals = overallCounts([...counts.values()], [...doneByDeck.values()], this.context.limits);
    this.loaded = true;
  }

  async purgeRetired(): Promise<void> {
    await this.context.store.purgeRetired();
    await this.refresh();
  }
}
