/**
 * Turns what the user picked (files, a folder, zips) into note texts and images, with a message for every file
 * that cannot be used. Zips are read as a stream with caps, so a zip bomb stops early instead of filling memory.
 */
import { Unzip, UnzipInflate, UnzipPassThrough } from 'fflate';
import { isSafeRelativePath } from '../core/paths.ts';
import type { SelectedFile } from './picked-files.ts';

export type { SelectedFile };

export const ZIP_LIMITS = { maxFiles: 2_000, maxTotalBytes: 64 * 1024 * 1024 };
const NOTE = /\.(md|markdown)$/i;
const IMAGE = /\.(png|jpe?g|gif|webp|svg|avif)$/i;

export interface PickedFile {
  /** Path inside the selection: a folder's relative path, or the zip entry's path. */
  path: string;
  bytes: Uint8Array;
}

export interface Problem {
  file: string;
  message: string;
}

export interface NoteSelection {
  notes: PickedFile[];
  images: Map<string, Uint8Array>;
  problems: Problem[];
}

export async function readSelection(files: SelectedFile[]): Promise<NoteSelection> {
  const selection: NoteSelection = { notes: [], images: new Map(), problems: [] };
  if (files.length === 0) {
    selection.problems.push({ file: '', message: 'nothing was selected: pick Markdown notes (.md), a folder of notes, or a .zip of notes' });
    return selection;
  }
  // A folder pick names every file under one top folder; drop it so paths match the notes' own links.
  const top = commonTopFolder(files.map((f) => f.path));
  for (const file of files) {
    const path = top ? file.path.slice(top.length + 1) : file.path;
    if (/\.zip$/i.test(file.name)) readZip(file.name, await file.bytes(), selection);
    else if (NOTE.test(file.name)) selection.notes.push({ path, bytes: await file.bytes() });
    else if (IMAGE.test(file.name)) selection.images.set(path, await file.bytes());
    else if (!file.name.startsWith('.')) selection.problems.push({ file: path, message: 'not a Markdown note (.md or .markdown) or a .zip of notes; skipped' });
  }
  if (selection.notes.length === 0 && selection.problems.length === 0) {
    selection.problems.push({ file: '', message: 'no Markdown notes (.md) in the selection' });
  }
  return selection;
}

function commonTopFolder(paths: string[]): string | null {
  const firsts = new Set(paths.map((p) => (p.includes('/') ? p.split('/')[0]! : '')));
  const [only] = [...firsts];
  return firsts.size === 1 && only ? only : null;
}

export function readZip(name: string, bytes: Uint8Array, selection: NoteSelection): void {
  let files = 0;
  let entries = 0;
  let total = 0;
  let stopped: string | null = null;
  const unzip = new Unzip((entry) => {
    entries++;
    if (stopped) return entry.terminate();
    const path = entry.name;
    if (path.endsWith('/') || path.split('/').some((part) => part.startsWith('.') && part.length > 1 && part !== '..') || path.startsWith('__MACOSX/')) {
      return;
    }
    if (!isSafeRelativePath(path)) {
      selection.problems.push({ file: `${name}: ${path}`, message: 'a path that leaves the zip (absolute or with ../) was refused' });
      return;
    }
    const wanted = NOTE.test(path) || IMAGE.test(path);
    if (!wanted) {
      selection.problems.push({ file: `${name}: ${path}`, message: 'not a Markdown note or an image; skipped' });
      return;
    }
    if (++files > ZIP_LIMITS.maxFiles) {
      stopped = `more than ${ZIP_LIMITS.maxFiles} notes and images`;
      return entry.terminate();
    }
    const chunks: Uint8Array[] = [];
    entry.ondata = (error, chunk, final) => {
      if (error) {
        selection.problems.push({ file: `${name}: ${path}`, message: `could not be decompressed (${error.message})` });
        return;
      }
      total += chunk.length;
      if (total > ZIP_LIMITS.maxTotalBytes) {
        if (!stopped) stopped = `more than ${ZIP_LIMITS.maxTotalBytes / 1024 / 1024} MB once decompressed`;
        entry.terminate();
        return;
      }
      chunks.push(chunk);
      if (!final) return;
      const data = concat(chunks);
      if (NOTE.test(path)) selection.notes.push({ path, bytes: data });
      else selection.images.set(path, data);
    };
    entry.start();
  });
  unzip.register(UnzipInflate);
  unzip.register(UnzipPassThrough);
  try {
    unzip.push(bytes, true);
  } catch (error) {
    selection.problems.push({ file: name, message: `not a readable zip (${error instanceof Error ? error.message : String(error)})` });
    return;
  }
  if (entries === 0) selection.problems.push({ file: name, message: 'not a readable zip, or an empty one' });
  if (stopped) selection.problems.push({ file: name, message: `the zip holds ${stopped}; the rest was not read (a zip bomb, or too big to import at once)` });
}

function concat(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
