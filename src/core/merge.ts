/**
 * Re-importing notes: which stored card each incoming card is, so edits keep their history. Pure.
 *
 * Order of evidence: the same content key; then, within the same note, fuzzy similarity of question, answer and
 * context on accent-folded text with a threshold and a margin over the runner-up; then the same across notes with
 * a stricter threshold. Stored cards left unmatched are retired (hidden, history kept), never deleted.
 */
import type { CardBody, CardRef } from './deck-content.ts';
import { keyTail } from './card-key.ts';
import { foldText } from './text.ts';
import type { DeckRecord } from './records.ts';
import type { DeckCard, DeckFile, DeckMeta } from './types.ts';

export interface StoredDeckSnapshot {
  id: string;
  source: string;
  refs: CardRef[];
  bodies: CardBody[];
}

export type CardChange = 'new' | 'changed' | 'moved' | 'unchanged' | 'revived';

export interface PlannedCard {
  id: string;
  change: CardChange;
  card: DeckCard;
  /** For a card matched in another stored deck: that deck's id. */
  fromDeck?: string;
  /** When the stored card it matched entered the collection (CardRef.added). */
  added?: number;
}

/** Why a stored deck's note is no longer in the notes: gone from the folder or zip, or now giving no cards. */
export type GoneWhy = 'missing' | 'no-cards';

/** A stored deck whose note left the folder or zip it was imported from: its stored meta, with no cards. */
export interface LeavingDeck {
  file: DeckFile;
  why: GoneWhy;
}

export interface DeckPlan {
  deckId: string;
  /** Set when the deck's note left the notes: every card of it retires (history kept), unless it moved elsewhere. */
  gone?: GoneWhy;
  /** The stored deck this note updates, or null for a new deck. */
  matched: string | null;
  file: DeckFile;
  cards: PlannedCard[];
  /** Stored cards of this deck that the notes no longer have. */
  retired: { id: string; question: string; ref: CardRef }[];
  /** Retired cards that stay retired (kept with their history). */
  keptRetired: CardRef[];
  keptRetiredBodies: CardBody[];
}

export interface ImportPlan {
  decks: DeckPlan[];
  /** The folder or zip imported (see NoteSelection.root), kept on every deck of the plan. */
  root?: string;
}

export { keyTail };

export const SAME_NOTE = { threshold: 0.55, margin: 0.08 };
export const ACROSS_NOTES = { threshold: 0.75, margin: 0.15 };
/** Share of key-equal cards above which a renamed or moved note is the same deck. */
const SAME_DECK_SHARE = 0.5;

/**
 * `leaving` holds the stored decks of the imported folder or zip whose notes are not among the incoming files: one
 * that a renamed note claims is that note's deck; the others retire, their cards free to move to another note.
 */
/**
 * `newId` gives a new card its id from its content key and the ids already taken (see adapters/ids.ts cardIdFor:
 * the same notes imported on two devices give the same ids).
 */
export function planImport(
  stored: StoredDeckSnapshot[],
  incoming: DeckFile[],
  newId: (key: string, taken: ReadonlySet<string>) => string,
  leaving: readonly LeavingDeck[] = [],
  root?: string,
): ImportPlan {
  const storedById = new Map(stored.map((deck) => [deck.id, deck]));
  const claimed = new Set<string>();
  const pairs: { file: DeckFile; deck: StoredDeckSnapshot | null }[] = incoming.map((file) => {
    const same = storedById.get(file.id);
    if (same) claimed.add(same.id);
    return { file, deck: same ?? null };
  });
  // A renamed or moved note without a front-matter id: the stored deck sharing most of its key tails.
  for (const pair of pairs) {
    if (pair.deck) continue;
    const tails = new Set(pair.file.cards.map((c) => keyTail(c.key)));
    let best: StoredDeckSnapshot | null = null;
    let bestShare = 0;
    for (const deck of stored) {
      if (claimed.has(deck.id) || tails.size === 0) continue;
      const live = deck.refs.filter((r) => !r.retired);
      const shared = live.filter((r) => tails.has(keyTail(r.key))).length;
      const share = shared / Math.max(tails.size, live.length, 1);
      if (share > bestShare) [best, bestShare] = [deck, share];
    }
    if (best && bestShare >= SAME_DECK_SHARE) {
      pair.deck = best;
      claimed.add(best.id);
    }
  }

  const goneWhy = new Map<string, GoneWhy>();
  for (const { file, why } of leaving) {
    const deck = storedById.get(file.id);
    if (!deck || claimed.has(deck.id)) continue;
    claimed.add(deck.id);
    goneWhy.set(deck.id, why);
    pairs.push({ file, deck });
  }

  const plans: DeckPlan[] = [];
  const leftovers: { plan: DeckPlan; index: number; card: DeckCard }[] = [];
  const orphans = new Map<string, { deckId: string; ref: CardRef; body: CardBody }>();
  for (const { file, deck } of pairs) {
    const plan: DeckPlan = { deckId: deck?.id ?? file.id, matched: deck?.id ?? null, file, cards: [], retired: [], keptRetired: [], keptRetiredBodies: [] };
    const why = deck ? goneWhy.get(deck.id) : undefined;
    if (why) plan.gone = why;
    plans.push(plan);
    const bodies = new Map(deck?.bodies.map((b) => [b.id, b]) ?? []);
    const byTail = new Map<string, CardRef>();
    for (const ref of deck?.refs ?? []) byTail.set(keyTail(ref.key), ref);
    const unmatchedStored = new Map((deck?.refs ?? []).map((ref) => [ref.id, ref]));
    const unmatchedIncoming: number[] = [];
    file.cards.forEach((card, index) => {
      const ref = byTail.get(keyTail(card.key));
      if (ref && unmatchedStored.has(ref.id)) {
        unmatchedStored.delete(ref.id);
        plan.cards[index] = { id: ref.id, change: changeOf(ref, bodies.get(ref.id), card), card, ...addedOf(ref) };
      } else unmatchedIncoming.push(index);
    });
    const candidates = [...unmatchedStored.values()].map((ref) => ({ ref, body: bodies.get(ref.id) })).filter((c) => c.body !== undefined);
    const matches = matchFuzzy(
      unmatchedIncoming.map((i) => file.cards[i]!),
      candidates.map((c) => c.body!),
      SAME_NOTE,
    );
    matches.forEach((candidateIndex, k) => {
      const index = unmatchedIncoming[k]!;
      if (candidateIndex === null) {
        leftovers.push({ plan, index, card: file.cards[index]! });
        return;
      }
      const { ref } = candidates[candidateIndex]!;
      unmatchedStored.delete(ref.id);
      plan.cards[index] = { id: ref.id, change: ref.retired ? 'revived' : 'moved', card: file.cards[index]!, ...addedOf(ref) };
    });
    for (const ref of unmatchedStored.values()) {
      const body = bodies.get(ref.id);
      if (body) orphans.set(ref.id, { deckId: plan.deckId, ref, body });
    }
  }

  // Across notes: a section moved to another page, under a stricter threshold.
  const orphanList = [...orphans.values()];
  const across = matchFuzzy(
    leftovers.map((l) => l.card),
    orphanList.map((o) => o.body),
    ACROSS_NOTES,
  );
  const taken = new Set(stored.flatMap((deck) => deck.refs.map((r) => r.id)));
  across.forEach((orphanIndex, k) => {
    const { plan, index, card } = leftovers[k]!;
    if (orphanIndex === null) {
      const id = newId(card.key, taken);
      taken.add(id);
      plan.cards[index] = { id, change: 'new', card };
      return;
    }
    const orphan = orphanList[orphanIndex]!;
    orphans.delete(orphan.ref.id);
    const change: CardChange = orphan.ref.retired ? 'revived' : 'moved';
    plan.cards[index] = { id: orphan.ref.id, change, card, ...addedOf(orphan.ref), ...(orphan.deckId !== plan.deckId ? { fromDeck: orphan.deckId } : {}) };
  });

  const planByDeck = new Map(plans.map((p) => [p.deckId, p]));
  for (const orphan of orphans.values()) {
    const plan = planByDeck.get(orphan.deckId)!;
    if (orphan.ref.retired) {
      plan.keptRetired.push(orphan.ref);
      plan.keptRetiredBodies.push(orphan.body);
    } else plan.retired.push({ id: orphan.ref.id, question: orphan.body.question, ref: orphan.ref });
  }
  return root === undefined ? { decks: plans } : { decks: plans, root };
}

const addedOf = (ref: CardRef) => (ref.added === undefined ? {} : { added: ref.added });

function changeOf(ref: CardRef, body: CardBody | undefined, card: DeckCard): CardChange {
  if (ref.retired) return 'revived';
  if (!body) return 'changed';
  return body.answer === card.answer && body.question === card.question && sameContext(body.context, card.context) ? 'unchanged' : 'changed';
}

function sameContext(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

interface Comparable {
  question: string;
  answer: string;
  context: string[];
}

/**
 * Best stored match for each incoming card, greedily by score: a pair counts only above the threshold and when it
 * beats the runner-up (for either side) by the margin. Returns, per incoming card, the index of its stored match.
 */
export function matchFuzzy(incoming: Comparable[], candidates: Comparable[], rule: { threshold: number; margin: number }): (number | null)[] {
  const result: (number | null)[] = incoming.map(() => null);
  if (incoming.length === 0 || candidates.length === 0) return result;
  const a = incoming.map(fingerprint);
  const b = candidates.map(fingerprint);
  const topI = incoming.map(() => [0, 0]);
  const topJ = candidates.map(() => [0, 0]);
  const pairs: { i: number; j: number; score: number }[] = [];
  const keepTop = (top: number[], score: number) => {
    if (score > top[0]!) [top[0], top[1]] = [score, top[0]!];
    else if (score > top[1]!) top[1] = score;
  };
  for (let i = 0; i < a.length; i++) {
    for (let j = 0; j < b.length; j++) {
      const score = similarity(a[i]!, b[j]!);
      keepTop(topI[i]!, score);
      keepTop(topJ[j]!, score);
      if (score >= rule.threshold) pairs.push({ i, j, score });
    }
  }
  // Only a pair that is each side's clear favourite counts: ambiguity leaves a card new rather than wrong.
  const clear = (top: number[], score: number) => score === top[0] && top[0]! - top[1]! >= rule.margin;
  const usedJ = new Set<number>();
  pairs.sort((x, y) => y.score - x.score);
  for (const { i, j, score } of pairs) {
    if (result[i] !== null || usedJ.has(j)) continue;
    if (!clear(topI[i]!, score) || !clear(topJ[j]!, score)) continue;
    usedJ.add(j);
    result[i] = j;
  }
  return result;
}

interface Fingerprint {
  question: Set<string>;
  answer: Set<string>;
  context: Set<string>;
}

function fingerprint(card: Comparable): Fingerprint {
  return { question: grams(card.question), answer: grams(card.answer), context: grams(card.context.join(' ')) };
}

/** Character trigrams of accent-folded words: robust to small rewordings and typos. */
function grams(text: string): Set<string> {
  const out = new Set<string>();
  const clean = foldText(text.replace(/[*_`#>[\]()!:¿?¡.,;-]+/g, ' '));
  for (const word of clean.split(' ')) {
    if (!word) continue;
    const padded = ` ${word} `;
    for (let k = 0; k + 3 <= padded.length; k++) out.add(padded.slice(k, k + 3));
  }
  return out;
}

function dice(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  for (const g of small) if (large.has(g)) shared++;
  return (2 * shared) / (a.size + b.size);
}

function similarity(a: Fingerprint, b: Fingerprint): number {
  return 0.45 * dice(a.question, b.question) + 0.4 * dice(a.answer, b.answer) + 0.15 * dice(a.context, b.context);
}

/**
 * A deck's references and bodies once the plan is applied at `now`: live cards in note order, then retired ones. A
 * new card is added at `now`; a matched one keeps when it was added.
 */
export function deckContentAfter(plan: DeckPlan, storedBodies: ReadonlyMap<string, CardBody>, now: number): { refs: CardRef[]; bodies: CardBody[] } {
  const refs: CardRef[] = [];
  const bodies: CardBody[] = [];
  for (const { id, card, change, added } of plan.cards) {
    const since = change === 'new' ? now : added;
    refs.push({ id, key: card.key, section: card.section, ...(since === undefined ? {} : { added: since }) });
    bodies.push({
      id,
      kind: card.kind,
      question: card.question,
      answer: card.answer,
      questionHtml: card.questionHtml,
      answerHtml: card.answerHtml,
      context: card.context,
      line: card.line,
    });
  }
  for (const { id, ref } of plan.retired) {
    const body = storedBodies.get(id);
    if (!body) continue;
    refs.push({ ...ref, retired: true });
    bodies.push(body);
  }
  plan.keptRetired.forEach((ref, i) => {
    refs.push(ref);
    bodies.push(plan.keptRetiredBodies[i]!);
  });
  return { refs, bodies };
}

/** Every planned deck's content, keyed by deck id: what Store.applyImport writes. */
export function planContents(plan: ImportPlan, storedBodies: ReadonlyMap<string, CardBody>, now: number): Map<string, { refs: CardRef[]; bodies: CardBody[] }> {
  return new Map(plan.decks.map((deck) => [deck.deckId, deckContentAfter(deck, storedBodies, now)]));
}

export interface PlanSummary {
  fresh: number;
  changed: number;
  moved: number;
  unchanged: number;
  revived: number;
  retired: number;
}

export function summarize(plan: DeckPlan): PlanSummary {
  const count = (change: CardChange) => plan.cards.filter((c) => c.change === change).length;
  return { fresh: count('new'), changed: count('changed'), moved: count('moved'), unchanged: count('unchanged'), revived: count('revived'), retired: plan.retired.length };
}

/**
 * A deck's record once an import wrote `refs` as its cards: counters counted from them (`tracked`: the cards that
 * have a state record), where it came from (bundled with the app, else what it was), the folder it was imported from
 * (this import's, else the one it had), and a revision one past the one before.
 */
export function deckAfterImport(input: {
  meta: DeckMeta;
  deckId: string;
  previous: DeckRecord | undefined;
  refs: readonly CardRef[];
  tracked: ReadonlySet<string>;
  hash: string;
  bundled: boolean;
  root: string | undefined;
  now: number;
}): DeckRecord {
  const { meta, deckId, previous, refs, tracked, hash, bundled, now } = input;
  const live = refs.filter((r) => !r.retired);
  const root = input.root ?? previous?.importRoot;
  return {
    ...meta,
    id: deckId,
    hash,
    origin: bundled ? 'bundled' : (previous?.origin ?? 'imported'),
    cardCount: live.length,
    tracked: live.filter((r) => tracked.has(r.id)).length,
    retired: refs.length - live.length,
    ...(root ? { importRoot: root } : {}),
    updatedAt: now,
    // records.ts deckRevision says the same; importing it here would move ts-fsrs out of the first card's chunk.
    revision: (previous?.revision ?? 0) + 1,
  };
}
