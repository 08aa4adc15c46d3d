/**
 * One import, from the picked files to the written decks, holding its plan between the steps: read and plan, take
 * the sanitized HTML, apply (planned again if another window changed the decks). The app runs it in the import
 * worker (import-worker.ts), so nothing of a large import runs on the page's thread but DOMPurify, in slices; the
 * page sees only a PreviewView.
 */
import type { CardChange, GoneWhy } from '../core/merge.ts';
import type { DeckFile, SkipReason, Warning } from '../core/types.ts';
import { applyImport, htmlToSanitize, planNotes, prepareBundledUpdate, replan, useSanitized, type ImportPreview } from './import-plan.ts';
import type { Problem } from './note-files.ts';
import { blobFile, type PickedBlob, type SelectedFile } from './picked-files.ts';
import { readNotes, type Progress } from './read-notes.ts';
import { StoreError } from './store-error.ts';
import type { Store } from './store.ts';

export type PreviewChange = CardChange | 'retired';
export const PREVIEW_CHANGES: readonly PreviewChange[] = ['new', 'changed', 'moved', 'revived', 'retired', 'unchanged'];
/** Questions listed per change and deck, and warnings listed: a huge import is summed up, not sent whole. */
export const LISTED = { questions: 200, warnings: 500 };

export interface PreviewDeck {
  deckId: string;
  /** It updates a stored deck (else it is new). */
  matched: boolean;
  path: string[];
  source: string;
  /** The deck's note left the folder or zip, or gives no cards now: every card of it retires. */
  gone?: GoneWhy;
  counts: Record<PreviewChange, number>;
  /** The first LISTED.questions questions of each change. */
  questions: Record<PreviewChange, string[]>;
}

/** What the import screen shows of a plan, and the HTML it needs sanitized before the plan can be applied. */
export interface PreviewView {
  decks: PreviewDeck[];
  problems: Problem[];
  warnings: Warning[];
  warningCount: number;
  skipped: { file: string; why: SkipReason }[];
  hasChanges: boolean;
  /** Cards whose HTML the page must sanitize before the plan can be applied (see ImportBackend.html). */
  toSanitize: number;
}

/** A deck the import changes: a new deck, or one with any card that is not unchanged (a gone deck retires its cards). */
export function deckHasChanges(deck: PreviewDeck): boolean {
  return !deck.matched || PREVIEW_CHANGES.some((change) => change !== 'unchanged' && deck.counts[change] > 0);
}

export type ApplyOutcome = { applied: true } | { applied: false; preview: PreviewView };

export function previewView(preview: ImportPreview): PreviewView {
  const decks = preview.plan.decks.map((deck): PreviewDeck => {
    const lists: Record<PreviewChange, string[]> = { new: [], changed: [], moved: [], revived: [], retired: deck.retired.map((r) => r.question), unchanged: [] };
    for (const card of deck.cards) lists[card.change].push(card.card.question);
    const counts = Object.fromEntries(PREVIEW_CHANGES.map((change) => [change, lists[change].length])) as Record<PreviewChange, number>;
    const questions = Object.fromEntries(PREVIEW_CHANGES.map((change) => [change, lists[change].slice(0, LISTED.questions)])) as Record<PreviewChange, string[]>;
    return { deckId: deck.deckId, matched: deck.matched !== null, path: deck.file.path, source: deck.file.source, ...(deck.gone ? { gone: deck.gone } : {}), counts, questions };
  });
  const hasChanges = decks.some(deckHasChanges);
  return {
    decks,
    problems: preview.problems,
    warnings: preview.warnings.slice(0, LISTED.warnings),
    warningCount: preview.warnings.length,
    skipped: preview.skipped,
    hasChanges,
    toSanitize: preview.unsanitized.length,
  };
}

export class ImportSession {
  private preview: ImportPreview | null = null;

  constructor(private readonly store: Store) {}

  async read(files: SelectedFile[], onProgress?: Progress): Promise<PreviewView> {
    this.preview = await planNotes(this.store, await readNotes(files, onProgress));
    return previewView(this.preview);
  }

  async bundled(files: DeckFile[], hashes: Map<string, string>): Promise<PreviewView> {
    this.preview = await prepareBundledUpdate(this.store, files, hashes);
    return previewView(this.preview);
  }

  html(start: number, count: number): string[] {
    return htmlToSanitize(this.planned(), start, count);
  }

  sanitized(start: number, clean: readonly string[]): void {
    useSanitized(this.planned(), clean, start);
  }

  private planned(): ImportPreview {
    if (!this.preview) throw new Error('no import is planned');
    return this.preview;
  }

  /** Applies the plan; when the decks changed in another window since, nothing is written and it is planned again. */
  async apply(now: number): Promise<ApplyOutcome> {
    const preview = this.planned();
    try {
      await applyImport(this.store, preview, now);
    } catch (error) {
      if (!(error instanceof StoreError && error.kind === 'stale')) throw error;
      this.preview = await replan(this.store, preview);
      return { applied: false, preview: previewView(this.preview) };
    }
    this.preview = null;
    return { applied: true };
  }
}

/** What the import screen talks to: an ImportSession in the import worker, or in this thread (tests). */
export interface ImportBackend {
  read(files: PickedBlob[], onProgress: Progress): Promise<PreviewView>;
  bundled(files: DeckFile[], hashes: Map<string, string>): Promise<PreviewView>;
  /** The HTML of `count` cards from card `start` that the page must sanitize, two strings a card. */
  html(start: number, count: number): Promise<string[]>;
  /** That HTML, sanitized, in the same order. */
  sanitized(start: number, clean: string[]): Promise<void>;
  apply(now: number): Promise<ApplyOutcome>;
  dispose(): void;
}

export function inThreadImports(store: Store): ImportBackend {
  const session = new ImportSession(store);
  return {
    read: (files, onProgress) => session.read(files.map(blobFile), onProgress),
    bundled: (files, hashes) => session.bundled(files, hashes),
    html: async (start, count) => session.html(start, count),
    sanitized: async (start, clean) => session.sanitized(start, clean),
    apply: (now) => session.apply(now),
    dispose: () => {},
  };
}
