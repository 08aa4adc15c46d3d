/**
 * The in-app import: the same extractor and deck builder as the build script, run on the notes the user picked,
 * then a plan (preview) and its all-or-nothing application. Loaded only when the Import screen opens: it carries
 * markdown-it, DOMPurify and fflate.
 */
import { buildDeck, MEDIA_FOLDER, uniqueDeckIds } from '../core/deck.ts';
import { extractNote } from '../core/extract.ts';
import { keyTail, planContents, planImport, summarize, type ImportPlan, type PlanSummary, type StoredDeckSnapshot } from '../core/merge.ts';
import type { DeckFile, Warning } from '../core/types.ts';
import type { CardBody } from '../core/deck-content.ts';
import { newCardId } from './ids.ts';
import { readSelection, type Problem } from './note-files.ts';
import type { SelectedFile } from './picked-files.ts';
import { pageSanitizer } from './page-sanitizer.ts';
import type { Store, WriteBasis } from './store.ts';

/** Notes read and built into deck files (rendered, not yet sanitized): what an import is planned from. */
export interface ReadNotes {
  built: { file: DeckFile; images: string[] }[];
  /** The picked images, by note-folder-relative path. */
  images: ReadonlyMap<string, Uint8Array>;
  /** Files that could not be used, each with its reason. */
  problems: Problem[];
  warnings: Warning[];
  skipped: string[];
}

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

/** Reads the picked files and builds their decks. Touches neither the store nor the DOM. */
export async function readNotes(files: SelectedFile[], onProgress: (done: number, total: number) => void = () => {}): Promise<ReadNotes> {
  const selection = await readSelection(files);
  const problems = [...selection.problems];
  const warnings: Warning[] = [];
  const skipped: string[] = [];
  const built: { file: DeckFile; images: string[] }[] = [];
  const notes = [...selection.notes].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  notes.forEach((note, i) => {
    const result = extractNote(note.bytes, note.path);
    onProgress(i + 1, notes.length);
    if (!result.ok) {
      problems.push({ file: note.path, message: result.reason });
      return;
    }
    warnings.push(...result.warnings);
    if (result.skipped) {
      skipped.push(note.path);
      return;
    }
    // Rendered now, sanitized after planning: cards that did not change keep the HTML already stored.
    const deck = buildDeck(result, { hasImage: (path) => selection.images.has(path), sanitizeAll: (html) => html });
    warnings.push(...deck.warnings);
    if (deck.file.cards.length === 0) {
      problems.push({ file: note.path, message: 'no cards in this note (no headings with content, term bullets or Q::A lines)' });
      return;
    }
    built.push({ file: deck.file, images: deck.images });
  });
  const ids = uniqueDeckIds(built.map((b) => b.file.id));
  built.forEach((b, i) => (b.file = { ...b.file, id: ids[i]! }));
  return { built, images: selection.images, problems, warnings, skipped };
}

export async function prepareImport(store: Store, files: SelectedFile[], onProgress: (done: number, total: number) => void = () => {}): Promise<ImportPreview> {
  return planNotes(store, await readNotes(files, onProgress));
}

/** Plans notes already read against the decks stored now. Nothing is written. */
export async function planNotes(store: Store, read: ReadNotes): Promise<ImportPreview> {
  const { plan, storedBodies, basis } = await planAgainstStore(store, read.built.map((b) => b.file));
  sanitizePlan(plan, storedBodies, pageSanitizer().sanitizeAll);
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
 * files picked; every other card is sanitized here, in one batch.
 */
function sanitizePlan(plan: ImportPlan, stored: ReadonlyMap<string, CardBody>, sanitizeAll: (html: string[]) => string[]): void {
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
  const clean = sanitizeAll(pending.flatMap(({ card }) => [card.questionHtml, card.answerHtml]));
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
