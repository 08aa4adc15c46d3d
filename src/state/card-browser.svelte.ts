/**
 * The card browser: the collection read once, searched and filtered as the user types, and actions on one card or
 * a selection, each with an Undo. Writes are planned on what was read (see Store.writeBasis): a change made in
 * another window meanwhile makes them refuse, and the collection is read again.
 */
import { applyCardEdits, readCollection } from '../adapters/store-cards.ts';
import { StoreError } from '../adapters/store-error.ts';
import type { WriteBasis } from '../adapters/write-basis.ts';
import type { ReviewLogRecord } from '../adapters/db-schema.ts';
import { planAction, undoEdits, type CardActionName, type CardEdit } from '../core/card-actions.ts';
import { browseRows, EMPTY_QUERY, searchRows, withState, type BrowseQuery, type BrowseRow } from '../core/card-search.ts';
import { buildDeckTree, type DeckNode } from '../core/deck-tree.ts';
import type { DeckRecord } from '../core/records.ts';
import { dayWindow, type StudyContext } from './study-context.ts';

/** Rows drawn at first, and added by each "Show more": a phone draws a hundred rows quickly, not twenty thousand. */
export const PAGE = 100;

export interface DeckOption {
  key: string;
  name: string;
  depth: number;
  deckIds: string[];
}

export interface BrowserNotice {
  action: CardActionName | 'undone' | 'nothing' | 'elsewhere';
  count: number;
  /** What Undo applies: the inverse of the action's edits. */
  undo: CardEdit[] | null;
}

export class CardBrowser {
  loaded = $state(false);
  error = $state<unknown>(null);
  busy = $state(false);
  text = $state('');
  deckKey = $state('');
  stateFilter = $state<BrowseQuery['state']>(EMPTY_QUERY.state);
  dueFilter = $state<BrowseQuery['due']>(EMPTY_QUERY.due);
  lapses = $state<BrowseQuery['lapses']>(EMPTY_QUERY.lapses);
  sort = $state<BrowseQuery['sort']>(EMPTY_QUERY.sort);
  shown = $state(PAGE);
  selecting = $state(false);
  selected = $state.raw<ReadonlySet<string>>(new Set());
  notice = $state.raw<BrowserNotice | null>(null);
  rows = $state.raw<BrowseRow[]>([]);
  decks = $state.raw<DeckRecord[]>([]);
  /** The study day the collection was read in, for the due filters. */
  private day = $state.raw({ dayStart: 0, dayEnd: 0 });

  private basis!: WriteBasis;
  private positions = new Map<string, number>();

  constructor(private readonly context: StudyContext) {}

  readonly deckOptions: DeckOption[] = $derived(flatten(buildDeckTree(this.decks, new Map())));

  readonly query: BrowseQuery = $derived({
    text: this.text,
    decks: this.deckKey ? new Set(this.deckOptions.find((o) => o.key === this.deckKey)?.deckIds ?? []) : null,
    state: this.stateFilter,
    due: this.dueFilter,
    lapses: this.lapses,
    sort: this.sort,
  });

  readonly results: BrowseRow[] = $derived(this.loaded ? searchRows(this.rows, this.query, this.day) : []);

  readonly visible: BrowseRow[] = $derived(this.results.slice(0, this.shown));

  async load(): Promise<void> {
    await this.run(() => this.read());
  }

  private async read(): Promise<void> {
    const collection = await readCollection(this.context.store);
    this.basis = collection.basis;
    this.day = dayWindow(this.context);
    this.decks = collection.decks;
    this.rows = browseRows(collection.cards, this.context.clock.now());
    this.positions = new Map(this.rows.map((row, i) => [row.card.ref.id, i]));
    const live = new Set(this.positions.keys());
    this.selected = new Set([...this.selected].filter((id) => live.has(id)));
    this.loaded = true;
  }

  /** A new search or filter starts again from the first page. */
  resetPage(): void {
    this.shown = PAGE;
  }

  showMore(): void {
    this.shown += PAGE;
  }

  row(cardId: string): BrowseRow | undefined {
    const index = this.positions.get(cardId);
    return index === undefined ? undefined : this.rows[index];
  }

  deckOf(deckId: string): DeckRecord | undefined {
    return this.decks.find((d) => d.id === deckId);
  }

  /** The card's history, in replay order. */
  history(cardId: string): Promise<ReviewLogRecord[]> {
    return this.context.store.log.ofCard(cardId);
  }

  deckMedia(deckId: string): Promise<Map<string, Uint8Array>> {
    return this.context.store.decks.media(deckId);
  }

  toggleSelecting(): void {
    this.selecting = !this.selecting;
    if (!this.selecting) this.selected = new Set();
  }

  toggle(cardId: string): void {
    const next = new Set(this.selected);
    if (next.has(cardId)) next.delete(cardId);
    else next.add(cardId);
    this.selected = next;
  }

  selectAll(): void {
    this.selected = new Set(this.results.map((r) => r.card.ref.id));
  }

  clearSelection(): void {
    this.selected = new Set();
  }

  /** An action on the given cards (one card's page, or the selection); cards it would not change are left alone. */
  async act(action: CardActionName, cardIds: readonly string[]): Promise<void> {
    if (this.busy) return;
    await this.run(async () => {
      const window = dayWindow(this.context);
      const cards = cardIds.map((id) => this.row(id)?.card).filter((c) => c !== undefined);
      const edits = planAction(action, cards, { now: window.now, dayEnd: window.dayEnd, shift: window.shift });
      if (edits.length === 0) {
        this.notice = { action: 'nothing', count: 0, undo: null };
        return;
      }
      const logged = await applyCardEdits(this.context.store, edits, this.basis);
      this.applied(edits);
      this.notice = { action, count: edits.length, undo: undoEdits(edits, logged) };
      this.context.changes.announce('decks');
    });
  }

  async undo(): Promise<void> {
    const undo = this.notice?.undo;
    if (!undo || this.busy) return;
    await this.run(async () => {
      await applyCardEdits(this.context.store, undo, this.basis);
      this.applied(undo);
      this.notice = { action: 'undone', count: undo.length, undo: null };
      this.context.changes.announce('decks');
    });
  }

  /** The rows of the edited cards, as they are now. */
  private applied(edits: readonly CardEdit[]): void {
    const now = this.context.clock.now();
    const rows = [...this.rows];
    for (const edit of edits) {
      const index = this.positions.get(edit.cardId);
      if (index === undefined) continue;
      rows[index] = withState(rows[index]!, edit.after ?? undefined, now);
    }
    this.rows = rows;
  }

  private async run(work: () => Promise<void>): Promise<void> {
    this.busy = true;
    this.error = null;
    try {
      try {
        await work();
      } catch (error) {
        if (!(error instanceof StoreError && error.kind === 'stale')) throw error;
        // Another window changed these cards: show them as they are, and say that nothing was changed.
        await this.read();
        this.notice = { action: 'elsewhere', count: 0, undo: null };
      }
    } catch (error) {
      this.error = error;
    } finally {
      this.busy = false;
    }
  }
}

function flatten(nodes: readonly DeckNode[]): DeckOption[] {
  return nodes.flatMap((n) => [{ key: n.key, name: n.name, depth: n.depth, deckIds: n.deckIds }, ...flatten(n.children)]);
}
