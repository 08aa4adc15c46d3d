/**
 * Turns what the user picked (files, a folder, zips) into note texts and images, with a problem for every file
 * that cannot be used and for everything a cap leaves out. Zips are read through their directory: nothing is
 * inflated before its declared size passes the caps, and an entry that inflates past what it declares stops
 * (zip-reader.ts), so a zip bomb is refused at once instead of filling memory.
 */
import { isSafeRelativePath } from '../core/paths.ts';
import type { NoteRefusal } from '../core/text.ts';
import type { SelectedFile } from './picked-files.ts';
import { listEntries, readEntry, ZipError, type ZipEntry, type ZipSource } from './zip-reader.ts';

export type { SelectedFile };

const MB = 1024 * 1024;
/** What one import reads at most: notes by count and size, images by size, entries of a zip's directory. */
export const IMPORT_LIMITS = { notes: 2_000, noteBytes: 64 * MB, imageBytes: 64 * MB, zipEntries: 100_000 };
const NOTE_BYTES = 2 * MB;
const NOTE = /\.(md|markdown)$/i;
const IMAGE = /\.(png|jpe?g|gif|webp|svg|avif)$/i;

/** Why a file was not used, as a code the import screen words in the user's language. */
export type FileProblem =
  | { code: 'nothing-selected' }
  | { code: 'no-notes' }
  | { code: 'not-a-note' }
  | { code: 'not-a-zip' }
  | { code: 'unsafe-path' }
  | { code: 'damaged' }
  | { code: 'encrypted' }
  | { code: 'too-many-entries'; limit: number }
  | { code: 'other-files'; count: number }
  | { code: 'over-note-count'; limit: number }
  | { code: 'over-note-size'; megabytes: number }
  | { code: 'over-image-size'; megabytes: number }
  | { code: 'no-cards' }
  | NoteRefusal;

export type Problem = { file: string } & FileProblem;

export interface PickedFile {
  /** Path inside the selection: a folder's relative path, or the zip entry's path. */
  path: string;
  bytes: Uint8Array;
}

/** A file of the selection not read yet: notes and images are read only once they pass the caps. */
interface Candidate {
  path: string;
  /** Where a problem names it: the path, or `archive.zip: path` for a zip's entry. */
  label: string;
  size: number;
  read(): Promise<Uint8Array>;
}

export interface NoteSelection {
  /**
   * The folder or the zip the notes came from ("folder:Apuntes", "zip:notas.zip"), when the pick is one of them;
   * null for loose files. The next import of the same root retires the decks of notes that left it.
   */
  root: string | null;
  /** Every note of the selection, read or not (a cap or damage may leave one out): it is still in the notes. */
  notePaths: string[];
  notes: PickedFile[];
  /** Every image of the selection, by path, read only when a note shows it (see readImages). */
  images: ReadonlyMap<string, Candidate>;
  problems: Problem[];
}

export async function readSelection(files: SelectedFile[]): Promise<NoteSelection> {
  const problems: Problem[] = [];
  if (files.length === 0) return { root: null, notePaths: [], notes: [], images: new Map(), problems: [{ file: '', code: 'nothing-selected' }] };
  const notes: Candidate[] = [];
  const images = new Map<string, Candidate>();
  // A folder pick names every file under one top folder; drop it so paths match the notes' own links.
  const top = commonTopFolder(files.map((f) => f.path));
  for (const file of files) {
    const path = top ? file.path.slice(top.length + 1) : file.path;
    const candidate = { path, label: path, size: file.size, read: () => file.bytes() };
    if (/\.zip$/i.test(file.name)) listZip(file.name, await file.source(), notes, images, problems);
    else if (NOTE.test(file.name)) notes.push(candidate);
    else if (IMAGE.test(file.name)) images.set(path, candidate);
    else if (!file.name.startsWith('.')) problems.push({ file: path, code: 'not-a-note' });
  }
  const read = await readNotes(notes, problems);
  if (read.length === 0 && problems.length === 0) problems.push({ file: '', code: 'no-notes' });
  return { root: importRoot(files, top), notePaths: notes.map((n) => n.path), notes: read, images, problems };
}

/** One zip, or one folder's files: a root whose next import can tell which notes left it. */
function importRoot(files: SelectedFile[], top: string | null): string | null {
  const zips = files.filter((f) => /\.zip$/i.test(f.name));
  if (files.length === 1 && zips.length === 1) return `zip:${files[0]!.name}`;
  return top && zips.length === 0 ? `folder:${top}` : null;
}

/** The notes within the caps, in path order, read; each one left out is named. */
async function readNotes(candidates: Candidate[], problems: Problem[]): Promise<PickedFile[]> {
  const notes: PickedFile[] = [];
  let total = 0;
  for (const note of [...candidates].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    if (note.size > NOTE_BYTES) {
      problems.push({ file: note.label, code: 'note-too-large', megabytes: Math.round((note.size / MB) * 10) / 10 });
      continue;
    }
    if (notes.length >= IMPORT_LIMITS.notes) {
      problems.push({ file: note.label, code: 'over-note-count', limit: IMPORT_LIMITS.notes });
      continue;
    }
    if (total + note.size > IMPORT_LIMITS.noteBytes) {
      problems.push({ file: note.label, code: 'over-note-size', megabytes: IMPORT_LIMITS.noteBytes / MB });
      continue;
    }
    const bytes = await readSafely(note, problems);
    if (!bytes) continue;
    total += note.size;
    notes.push({ path: note.path, bytes });
  }
  return notes;
}

/** The images the notes show, within the size cap; each one left out is named. */
export async function readImages(selection: NoteSelection, paths: Iterable<string>): Promise<{ images: Map<string, Uint8Array>; problems: Problem[] }> {
  const images = new Map<string, Uint8Array>();
  const problems: Problem[] = [];
  let total = 0;
  for (const path of paths) {
    const image = selection.images.get(path);
    if (!image || images.has(path)) continue;
    if (total + image.size > IMPORT_LIMITS.imageBytes) {
      problems.push({ file: image.label, code: 'over-image-size', megabytes: IMPORT_LIMITS.imageBytes / MB });
      continue;
    }
    const bytes = await readSafely(image, problems);
    if (!bytes) continue;
    total += image.size;
    images.set(path, bytes);
  }
  return { images, problems };
}

async function readSafely(candidate: Candidate, problems: Problem[]): Promise<Uint8Array | null> {
  try {
    return await candidate.read();
  } catch (error) {
    if (!(error instanceof ZipError)) throw error;
    problems.push({ file: candidate.label, code: error.problem === 'unsupported' ? 'encrypted' : 'damaged' });
    return null;
  }
}

function commonTopFolder(paths: string[]): string | null {
  const firsts = new Set(paths.map((p) => (p.includes('/') ? p.split('/')[0]! : '')));
  const [only] = [...firsts];
  return firsts.size === 1 && only ? only : null;
}

/** A zip's notes and images, from its directory alone: nothing is inflated here. */
function listZip(name: string, source: ZipSource, notes: Candidate[], images: Map<string, Candidate>, problems: Problem[]): void {
  let entries: ZipEntry[];
  try {
    entries = listEntries(source, { maxEntries: IMPORT_LIMITS.zipEntries });
  } catch (error) {
    if (!(error instanceof ZipError)) throw error;
    problems.push(error.problem === 'too-large' ? { file: name, code: 'too-many-entries', limit: IMPORT_LIMITS.zipEntries } : { file: name, code: 'not-a-zip' });
    return;
  }
  if (entries.length === 0) problems.push({ file: name, code: 'no-notes' });
  let others = 0;
  for (const entry of entries) {
    const path = entry.name;
    const hidden = path.split('/').some((part) => part.startsWith('.') && part.length > 1 && part !== '..') || path.startsWith('__MACOSX/');
    if (path.endsWith('/') || hidden) continue;
    if (!isSafeRelativePath(path)) {
      problems.push({ file: `${name}: ${path}`, code: 'unsafe-path' });
      continue;
    }
    const limit = NOTE.test(path) ? NOTE_BYTES : IMPORT_LIMITS.imageBytes;
    const candidate = { path, label: `${name}: ${path}`, size: entry.size, read: async () => readEntry(source, entry, { maxBytes: limit }) };
    if (NOTE.test(path)) notes.push(candidate);
    else if (IMAGE.test(path)) images.set(path, candidate);
    else others++;
  }
  // Exports of notes apps carry thousands of attachments: one line for all of them.
  if (others > 0) problems.push({ file: name, code: 'other-files', count: others });
}
