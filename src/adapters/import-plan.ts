/**
 * The in-app import after reading (read-notes.ts): a plan (preview) against the stored decks, the HTML it still
 * needs sanitized, and its all-or-nothing application. Touches no DOM, so the import worker runs it; the page
 * only sanitizes the HTML strings the plan hands out (DOMPurify needs a DOM).
 */
import { MEDIA_FOLDER } from '../core/deck.ts';
import { keyTail, planContents, planImport, summarize, type ImportPlan, type LeavingDeck, type PlanSummary, type StoredDeckSnapshot } from '../core/merge.ts';
import type { DeckRecord } from '../core/records.ts';
import type { DeckFile, SkipReason, Warning } from '../core/types.ts';
import type { CardBody } from '../core/deck-content.ts';
import { cardIdFor } from './ids.ts';
import type { Problem } from './note-files.ts';
import type { ReadNotes } from './read-notes.ts';
import type { Store } from './store.ts';
import type { WriteBasis } from './write-basis.ts';
import { applyImport as applyStoredImport } from './store-import.ts';

export interface ImportPreview {
  plan: ImportPlan;
  summaries: Map<string, PlanSummary>;
  /** Files that could not be used, each with its reason. */
  problems: Problem[];
  warnings: Warning[];
  /** Images the imported cards show, keyed by deck id then media path. */
  media: Map<string, Map<string, Uint8Array>>;
  storedBodies: Map<string, CardBody>;
  skipped: { file: string; why: SkipReason }[];
  /** Set for an update of the decks bundled with the app: their index hashes. */
  bundledHashes?: Map<string, string>;
  /** What the plan was made on: applying it refuses if the decks changed since (see Store.applyImport). */
  basis: WriteBasis;
  /** What the plan was made from, to plan it again when the decks changed in another window. */
  from: { kind: 'notes'; read: ReadNotes } | { kind: 'bundled'; files: DeckFile[]; hashes: Map<string, string> };
  /** The planned cards whose HTML is not sanitized yet (see htmlToSanitize); empty once it all is. */
  unsanitized: { questionHtml: string; answerHtml: string }[];
  /** How many of them have their sanitized HTML so far. */
  sanitized: number;
}

/** Plans notes already read against the decks stored now. Nothing is written. */
export async function planNotes(store: Store, read: ReadNotes): Promise<ImportPreview> {
  const { plan, storedBodies, basis } = await planAgainstStore(
    store,
    read.built.map((b) => b.file),
    read,
  );
  const media = new Map<string, Map<string, Uint8Array>>();
  plan.decks.forEach((deck, i) => {
    if (deck.gone) return;
    const images = new Map<string, Uint8Array>();
    for (const path of read.built[i]!.images) images.set(`${MEDIA_FOLDER}/${path.split('/').map(encodeURIComponent).join('/')}`, read.images.get(path)!);
    if (images.size > 0) media.set(deck.deckId, images);
  });
  return {
    plan,
    summaries: new Map(plan.decks.map((d) => [d.deckId, summarize(d)])),
    problems: read.problems,
    warnings: read.warnings,
    media,
    storedBodies,
    skipped: read.skipped,
    basis,
    from: { kind: 'notes', read },
    unsanitized: unsanitizedCards(plan, storedBodies),
    sanitized: 0,
  };
}

/** The same import planned again on the decks as they are now (another window changed them). */
export function replan(store: Store, preview: ImportPreview): Promise<ImportPreview> {
  const { from } = preview;
  return from.kind === 'notes' ? planNotes(store, from.read) : prepareBundledUpdate(store, from.files, from.hashes);
}

/**
 * DOMPurify is the slow part of an import (~80 µs a card). A card whose question, answer and context did not
 * change keeps the sanitized HTML already stored — unless it shows images, which may have come or gone with the
 * files picked; every other card is returned, to be sanitized. Bundled decks were sanitized by the build.
 */
function unsanitizedCards(plan: ImportPlan, stored: ReadonlyMap<string, CardBody>): ImportPreview['unsanitized'] {
  const pending: ImportPreview['unsanitized'] = [];
  for (const deck of plan.decks) {
    for (const planned of deck.cards) {
      const previous = stored.get(planned.id);
      const reusable = planned.change === 'unchanged' && previous && !/<img|missing-image/.test(planned.card.questionHtml + planned.card.answerHtml);
      planned.card = reusable ? { ...planned.card, questionHtml: previous.questionHtml, answerHtml: previous.answerHtml } : { ...planned.card };
      if (!reusable) pending.push(planned.card);
    }
  }
  return pending;
}

/** The HTML the preview still needs sanitized, `count` cards from card `start`: question and answer of each. */
export function htmlToSanitize(preview: ImportPreview, start = 0, count = preview.unsanitized.length): string[] {
  return preview.unsanitized.slice(start, start + count).flatMap((card) => [card.questionHtml, card.answerHtml]);
}

/**
 * Puts sanitized HTML (htmlToSanitize's strings from card `start`, sanitized, in order) into the planned cards.
 * Once every card has it, the preview can be applied.
 */
export function useSanitized(preview: ImportPreview, clean: readonly string[], start = 0): void {
  const cards = clean.length / 2;
  if (!Number.isInteger(cards) || start + cards > preview.unsanitized.length) throw new Error('the sanitized HTML does not match the plan');
  for (let i = 0; i < cards; i++) {
    const card = preview.unsanitized[start + i]!;
    card.questionHtml = clean[2 * i]!;
    card.answerHtml = clean[2 * i + 1]!;
  }
  preview.sanitized += cards;
  if (preview.sanitized >= preview.unsanitized.length) preview.unsanitized = [];
}

/** The preview of an app update's changed bundled decks: the same matching as an import of notes. */
export async function prepareBundledUpdate(store: Store, files: DeckFile[], hashes: Map<string, string>): Promise<ImportPreview> {
  const { plan, storedBodies, basis } = await planAgainstStore(store, files);
  return {
    plan,
    summaries: new Map(plan.decks.map((d) => [d.deckId, summarize(d)])),
    problems: [],
    warnings: [],
    media: new Map(),
    storedBodies,
    skipped: [],
    bundledHashes: hashes,
    basis,
    from: { kind: 'bundled', files, hashes },
    unsanitized: [],
    sanitized: 0,
  };
}

async function planAgainstStore(store: Store, files: DeckFile[], read?: ReadNotes): Promise<{ plan: ImportPlan; storedBodies: Map<string, CardBody>; basis: WriteBasis }> {
  // Read first: a deck changed after it makes the plan refuse to apply instead of overwriting the change.
  const basis = await store.writeBasis();
  const decks = await store.decks.list();
  const leaving = read?.root ? leavingDecks(decks, files, read) : [];
  const stored = await candidateDecks(store, decks, files, new Set(leaving.map((l) => l.file.id)));
  return {
    plan: planImport(stored, files, cardIdFor, leaving, read?.root ?? undefined),
    storedBodies: new Map(stored.flatMap((d) => d.bodies.map((b) => [b.id, b] as const))),
    basis,
  };
}

/**
 * The stored decks an import can touch: the same deck id, or sharing card keys (a renamed note). Their bodies are
 * read; other decks' are not, so a small import stays fast in a large collection.
 */
async function candidateDecks(store: Store, decks: DeckRecord[], files: DeckFile[], leaving: ReadonlySet<string>): Promise<StoredDeckSnapshot[]> {
  const refLists = await store.decks.cardRefs(decks.map((d) => d.id));
  const ids = new Set([...files.map((f) => f.id), ...leaving]);
  const tails = new Set(files.flatMap((f) => f.cards.map((c) => keyTail(c.key))));
  const wanted = refLists.filter(({ deckId, refs }) => ids.has(deckId) || refs.some((r) => tails.has(keyTail(r.key))));
  const sources = new Map(decks.map((d) => [d.id, d.source]));
  return Promise.all(wanted.map(async ({ deckId, refs }) => ({ id: deckId, source: sources.get(deckId) ?? '', refs, bodies: await store.decks.cardBodies(deckId) })));
}

/**
 * The stored decks imported from the same folder or zip whose notes are not among the incoming ones: gone from it,
 * or now giving no cards. A note still there that could not be read (a cap, damage) keeps its deck as it is, and a
 * deck with no live cards left has nothing to retire.
 */
function leavingDecks(decks: DeckRecord[], files: DeckFile[], read: ReadNotes): LeavingDeck[] {
  const incoming = new Set(files.flatMap((f) => [f.id, f.source]));
  const unreadable = new Set(read.unreadable);
  const noCards = new Set([...read.skipped.map((s) => s.file), ...read.problems.filter((p) => p.code === 'no-cards').map((p) => p.file)]);
  return decks
    .filter((d) => d.importRoot === read.root && d.cardCount > 0 && !incoming.has(d.id) && !incoming.has(d.source) && !unreadable.has(d.source))
    .map((d) => ({
      file: {
        id: d.id,
        title: d.title,
        path: d.path,
        source: d.source,
        tags: d.tags,
        ...(d.navOrder !== undefined ? { navOrder: d.navOrder } : {}),
        ...(d.lang !== undefined ? { lang: d.lang } : {}),
        cards: [],
      },
      why: noCards.has(d.source) ? 'no-cards' : 'missing',
    }));
}

/** Applies a preview as planned; throws `stale` (writing nothing) when the decks changed since: replan() then. */
export async function applyImport(store: Store, preview: ImportPreview, now: number): Promise<void> {
  if (preview.unsanitized.length > 0) throw new Error('an import cannot be applied before its HTML is sanitized');
  await applyStoredImport(store, preview.plan, planContents(preview.plan, preview.storedBodies, now), preview.media, now, preview.basis, preview.bundledHashes);
}
