/** The deck list as a tree by path, with what each deck has to study today. Pure. */
import { sumDone, type DoneToday, type Limits } from './queue.ts';
import type { Phase } from './scheduler.ts';

export interface DeckInfo {
  id: string;
  title: string;
  path: string[];
  navOrder?: number;
  cardCount: number;
  tracked: number;
}

export interface DueInfo {
  deckId: string;
  phase: Phase;
}

export interface Counts {
  fresh: number;
  learning: number;
  reviews: number;
  leeches: number;
  total: number;
}

export interface DeckNode {
  /** Path joined for use as a stable UI key; never used as an identity of the deck. */
  key: string;
  name: string;
  depth: number;
  /** The deck at exactly this path, if a note sits here (a parent page can also be a deck). */
  deckId: string | null;
  /** This node's deck and every deck below it. */
  deckIds: string[];
  counts: Counts;
  children: DeckNode[];
  navOrder: number;
}

export interface DeckCountInput {
  decks: DeckInfo[];
  /** Schedulable states due today (from the due index). */
  due: DueInfo[];
  doneByDeck: ReadonlyMap<string, DoneToday>;
  leechesByDeck: ReadonlyMap<string, number>;
  limitsFor: (deckId: string) => Limits;
}

export function countDecks(input: DeckCountInput): Map<string, Counts> {
  const counts = new Map<string, Counts>();
  for (const deck of input.decks) {
    counts.set(deck.id, { fresh: 0, learning: 0, reviews: 0, leeches: input.leechesByDeck.get(deck.id) ?? 0, total: deck.cardCount });
  }
  const newPhase = new Map<string, number>();
  for (const due of input.due) {
    const c = counts.get(due.deckId);
    if (!c) continue;
    if (due.phase === 'learning' || due.phase === 'relearning') c.learning++;
    else if (due.phase === 'review') c.reviews++;
    else newPhase.set(due.deckId, (newPhase.get(due.deckId) ?? 0) + 1);
  }
  for (const deck of input.decks) {
    const c = counts.get(deck.id)!;
    const done = input.doneByDeck.get(deck.id) ?? { newCards: 0, reviews: 0 };
    const limits = input.limitsFor(deck.id);
    const unseen = Math.max(0, deck.cardCount - deck.tracked) + (newPhase.get(deck.id) ?? 0);
    c.fresh = Math.min(unseen, Math.max(0, limits.newPerDay - done.newCards));
    c.reviews = Math.min(c.reviews, Math.max(0, limits.reviewsPerDay - done.reviews));
  }
  return counts;
}

/** The sum over every deck, within the overall daily limits (each deck's own limits already applied). */
export function overallCounts(perDeck: Counts[], done: DoneToday[], limits: Limits): Counts {
  const sum = perDeck.reduce(add, empty());
  const total = sumDone(done);
  return {
    ...sum,
    fresh: Math.min(sum.fresh, Math.max(0, limits.newPerDay - total.newCards)),
    reviews: Math.min(sum.reviews, Math.max(0, limits.reviewsPerDay - total.reviews)),
  };
}

/**
 * `overall` (from overallCounts) caps every node: studying a deck or a branch draws on the same overall daily room,
 * so a row never promises new cards or reviews that its session could not give (a deck's own limit is already in
 * `counts`).
 */
export function buildDeckTree(decks: DeckInfo[], counts: ReadonlyMap<string, Counts>, overall?: Pick<Counts, 'fresh' | 'reviews'>): DeckNode[] {
  const root: DeckNode = node('', '', -1, Infinity);
  for (const deck of decks) {
    let parent = root;
    const path = deck.path.length > 0 ? deck.path : [deck.title];
    path.forEach((name, depth) => {
      const key = JSON.stringify(path.slice(0, depth + 1));
      let child = parent.children.find((c) => c.key === key);
      if (!child) {
        child = node(key, name, depth, Infinity);
        parent.children.push(child);
      }
      parent = child;
    });
    if (parent.deckId === null) parent.deckId = deck.id;
    else parent.children.push({ ...node(`${parent.key}#${deck.id}`, deck.title, parent.depth + 1, deck.navOrder ?? Infinity), deckId: deck.id });
    parent.navOrder = Math.min(parent.navOrder, deck.navOrder ?? Infinity);
  }
  const finish = (n: DeckNode): DeckNode => {
    n.children = n.children.map(finish).sort((a, b) => a.navOrder - b.navOrder || a.name.localeCompare(b.name));
    // A folder with no page of its own sorts where its first page does.
    if (n.deckId === null) n.navOrder = Math.min(n.navOrder, ...n.children.map((c) => c.navOrder));
    const own = n.deckId ? (counts.get(n.deckId) ?? empty()) : empty();
    n.counts = n.children.reduce((sum, c) => add(sum, c.counts), { ...own });
    if (overall) n.counts = { ...n.counts, fresh: Math.min(n.counts.fresh, overall.fresh), reviews: Math.min(n.counts.reviews, overall.reviews) };
    n.deckIds = [...(n.deckId ? [n.deckId] : []), ...n.children.flatMap((c) => c.deckIds)];
    return n;
  };
  return finish(root).children;
}

function node(key: string, name: string, depth: number, navOrder: number): DeckNode {
  return { key, name, depth, deckId: null, deckIds: [], counts: empty(), children: [], navOrder };
}

function empty(): Counts {
  return { fresh: 0, learning: 0, reviews: 0, leeches: 0, total: 0 };
}

function add(a: Counts, b: Counts): Counts {
  return {
    fresh: a.fresh + b.fresh,
    learning: a.learning + b.learning,
    reviews: a.reviews + b.reviews,
    leeches: a.leeches + b.leeches,
    total: a.total + b.total,
  };
}
