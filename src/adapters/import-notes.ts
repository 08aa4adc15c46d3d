/**
 * The in-app import: notes read (read-notes.ts, in the import worker), then a plan (preview) against the stored
 * decks, sanitized, and its all-or-nothing application. Loaded only when the Import screen opens: it carries
 * DOMPurify and the planner.
 */
import { MEDIA_FOLDER } from '../core/deck.ts';
import { keyTail, planContents, planImport, summarize, type ImportPlan, type PlanSummary, type StoredDeckSnapshot } from '../core/merge.ts';
import type { DeckFile, Warning } from '../core/types.ts';
import type { CardBody } from '../core/deck-content.ts';
import { newCardId } from './ids.ts';
import type { Problem } from './note-files.ts';
import type { SelectedFile } from './picked-files.ts';
import { sanitizeInSlices } from './page-sanitizer.ts';
import { readNotes, type Progress, type ReadNotes } from './read-notes.ts';
import type { Store, WriteBasis } from './store.ts';

export interface ImportPreview {
  plan: ImportPlan;
  summaries: Map<string, PlanSummary>;
  /** Files that could not be used, each with its reason. */
  problems: Problem[];
  warnings: Warning[];
  /** Images the imported cards show, keyed by deck id then media path. */
  media: Map<string, Map<string, Uint8Array>>;
  storedBodies: Map<string, CardBody>;
  skipped: string[];
  /** Set for an update of the decks bundled with the app: their index hashes. */
  bundledHashes?: Map<string, string>;
  /** What the plan was made on: applying it refuses if the decks changed since (see Store.applyImport). */
  basis: WriteBasis;
  /** What the plan was made from, to plan it again when the decks changed in another window. */
  from: { kind: 'notes'; read: ReadNotes } | { kind: 'bundled'; files: DeckFile[]; hashes: Map<string, string> };
}

/** Reads and plans in this thread (tests); the app reads in the import worker, then calls planNotes. */
export async function prepareImport(store: Store, files: SelectedFile[], onProgress?: Progress): Promise<ImportPreview> {
  return planNotes(store, await readNotes(files, onProgress));
}

/** Plans notes already read against the decks stored now. Nothing is written. */
export async function planNotes(store: Store, read: ReadNotes, onProgress?: Progress): Promise<ImportPreview> {
  const { plan, storedBodies, basis } = await planAgainstStore(store, read.built.map((b) => b.file));
  await sanitizePlan(plan, storedBodies, onProgress);
  const media = new Map<string, Map<string, Uint8Array>>();
  plan.decks.forEach((deck, i) => {
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
 * files picked; every other card is sanitized here, in slices that leave the page free to draw.
 */
async function sanitizePlan(plan: ImportPlan, stored: ReadonlyMap<string, CardBody>, onProgress?: Progress): Promise<void> {
  const pending: { card: { questionHtml: string; answerHtml: string } }[] = [];
  for (const deck of plan.decks) {
    for (const planned of deck.cards) {
      const previous = stored.get(planned.id);
      const reusable = planned.change === 'unchanged' && previous && !/<img|missing-image/.test(planned.card.questionHtml + planned.card.answerHtml);
      if (reusable) {
        planned.card = { ...planned.card, questionHtml: previous.questionHtml, answerHtml: previous.answerHtml };
      } else {
        planned.card = { ...planned.card };
        pending.push(planned);
      }
    }
  }
  const clean = await sanitizeInSlices(pending.flatMap(({ card }) => [card.questionHtml, card.answerHtml]), onProgress);
  pending.forEach(({ card }, i) => {
    card.questionHtml = clean[2 * i]!;
    card.answerHtml = clean[2 * i + 1]!;
  });
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
  };
}

async function planAgainstStore(store: Store, files: DeckFile[]): Promise<{ plan: ImportPlan; storedBodies: Map<string, CardBody>; basis: WriteBasis }> {
  // Read first: a deck changed after it makes the plan refuse to apply instead of overwriting the change.
  const basis = await store.writeBasis();
  const stored = await candidateDecks(store, files);
  return {
    plan: planImport(stored, files, newCardId),
    storedBodies: new Map(stored.flatMap((d) => d.bodies.map((b) => [b.id, b] as const))),
    basis,
  };
}

/**
 * The stored decks an import can touch: the same deck id, or sharing card keys (a renamed note). Their bodies are
 * read; other decks' are not, so a small import stays fast in a large collection.
 */
async function candidateDecks(store: Store, files: DeckFile[]): Promise<StoredDeckSnapshot[]> {
  const decks = await store.listDecks();
  const refLists = await store.cardRefs(decks.map((d) => d.id));
  const ids = new Set(files.map((f) => f.id));
  const tails = new Set(files.flatMap((f) => f.cards.map((c) => keyTail(c.key))));
  const wanted = refLists.filter(({ deckId, refs }) => ids.has(deckId) || refs.some((r) => tails.has(keyTail(r.key))));
  const sources = new Map(decks.map((d) => [d.id, d.source]));
  return Promise.all(
    wanted.map(async ({ deckId, refs }) => ({ id: deckId, source: sources.get(deckId) ?? '', refs, bodies: await store.cardBodies(deckId) })),
  );
}

/** Applies a preview as planned; throws `stale` (writing nothing) when the decks changed since: replan() then. */
export async function applyImport(store: Store, preview: ImportPreview, now: number): Promise<void> {
  await store.applyImport(preview.plan, planContents(preview.plan, preview.storedBodies), preview.media, now, preview.basis, preview.bundledHashes);
}
