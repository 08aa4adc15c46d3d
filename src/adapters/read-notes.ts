/**
 * Reading an import: the picked files → notes → the same extractor and deck builder as the build script. Touches
 * neither the store nor the DOM, so it runs in the import worker (see import-worker.ts): a huge note or a zip
 * bomb keeps only the worker busy.
 */
import { buildDeck, imageFinder, uniqueDeckIds } from '../core/deck.ts';
import { extractNote } from '../core/extract/index.ts';
import type { DeckFile, ExtractResult, SkipReason, Warning } from '../core/types.ts';
import { readImages, readSelection, type Problem } from './note-files.ts';
import type { SelectedFile } from './picked-files.ts';

/** Notes read and built into deck files (rendered, not yet sanitized): what an import is planned from. */
export interface ReadNotes {
  built: { file: DeckFile; images: string[] }[];
  /** The images the cards show, by note-folder-relative path. */
  images: ReadonlyMap<string, Uint8Array>;
  /** Files that could not be used, and what the caps left out, each with its reason. */
  problems: Problem[];
  warnings: Warning[];
  /** Notes that give no cards by design: `flashcards: false`, project files, landing pages. */
  skipped: { file: string; why: SkipReason }[];
  /** The folder or zip read (see NoteSelection.root). */
  root: string | null;
  /** Notes of the selection that could not be read or used (a cap, damage, not text): their decks stay as they are. */
  unreadable: string[];
}

export type Progress = (done: number, total: number) => void;

export async function readNotes(files: SelectedFile[], onProgress: Progress = () => {}): Promise<ReadNotes> {
  const selection = await readSelection(files);
  const problems = [...selection.problems];
  const warnings: Warning[] = [];
  const skipped: ReadNotes['skipped'] = [];
  const extracted: Extract<ExtractResult, { ok: true; skipped: false }>[] = [];
  selection.notes.forEach((note, i) => {
    const result = extractNote(note.bytes, note.path);
    onProgress(i + 1, selection.notes.length);
    if (!result.ok) {
      const { ok: _failed, source: _source, warnings: _warnings, reason: _reason, ...refusal } = result;
      problems.push({ file: note.path, ...refusal });
    } else if (result.skipped) {
      warnings.push(...result.warnings);
      skipped.push({ file: note.path, why: result.why });
    } else {
      warnings.push(...result.warnings);
      extracted.push(result);
    }
  });
  // Rendered now, sanitized after planning: cards that did not change keep the HTML already stored.
  const findImage = imageFinder(selection.images.keys());
  const build = (result: (typeof extracted)[number], omitImage?: (path: string) => boolean) =>
    buildDeck(result, { hasImage: (path) => selection.images.has(path), findImage, sanitizeAll: (html) => html, ...(omitImage ? { omitImage } : {}) });
  let decks = extracted.map((result) => build(result));
  const read = await readImages(
    selection,
    decks.flatMap((deck) => deck.images),
  );
  problems.push(...read.problems);
  if (read.problems.length > 0) {
    // An image the size cap left out is named in the problems; its cards are built again without it.
    const omitted = (path: string) => selection.images.has(path) && !read.images.has(path);
    decks = decks.map((deck, i) => (deck.images.some(omitted) ? build(extracted[i]!, omitted) : deck));
  }
  const built: ReadNotes['built'] = [];
  decks.forEach((deck, i) => {
    warnings.push(...deck.warnings);
    if (deck.file.cards.length === 0) problems.push({ file: extracted[i]!.deck.source, code: 'no-cards' });
    else built.push({ file: deck.file, images: deck.images });
  });
  const ids = uniqueDeckIds(built.map((b) => b.file.id));
  built.forEach((b, i) => (b.file = { ...b.file, id: ids[i]! }));
  // A note that gives no cards, by design or not, has left the study material; one that could not be read has not.
  const used = new Set([...extracted.map((e) => e.deck.source), ...skipped.map((s) => s.file)]);
  const unreadable = selection.notePaths.filter((path) => !used.has(path));
  return { built, images: read.images, problems, warnings, skipped, root: selection.root, unreadable };
}
