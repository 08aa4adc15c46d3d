/**
 * npm run cards -- [notesDir] [--out outDir]
 * Builds the decks the app ships from a folder of Markdown notes. Deterministic: the same notes give
 * byte-identical files. Exit 0: every note built (warnings allowed); 1: some note refused; 2: usage error.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import createDOMPurify from 'dompurify';
import { createCardSanitizer } from '../src/adapters/sanitize.ts';
import { buildDeck, indexEntry, MEDIA_FOLDER, serializeDeck, serializeIndex, uniqueDeckIds } from '../src/core/deck.ts';
import { extractNote } from '../src/core/extract.ts';
import type { DeckIndexEntry, Warning } from '../src/core/types.ts';

const USAGE = 'usage: npm run cards -- [notesDir] [--out outDir]   (defaults: cards → public/decks)';

class UsageError extends Error {}

function parseArgs(argv: string[]): { notesDir: string; outDir: string } {
  let notesDir: string | undefined;
  let outDir = 'public/decks';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else if (arg === '--out') {
      const value = argv[++i];
      if (!value) throw new UsageError('--out needs a folder');
      outDir = value;
    } else if (arg.startsWith('--out=')) outDir = arg.slice('--out='.length);
    else if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}`);
    else if (notesDir === undefined) notesDir = arg;
    else throw new UsageError(`only one notes folder can be given (got "${notesDir}" and "${arg}")`);
  }
  notesDir ??= 'cards';
  if (!existsSync(notesDir) || !statSync(notesDir).isDirectory()) {
    throw new UsageError(`notes folder "${notesDir}" does not exist — pass the folder that holds your .md notes`);
  }
  return { notesDir: resolve(notesDir), outDir: resolve(outDir) };
}

function findNotes(root: string): string[] {
  const found: string[] = [];
  const pending = [root];
  while (pending.length > 0) {
    const dir = pending.pop()!;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) pending.push(full);
      else if (entry.isFile() && /\.(md|markdown)$/i.test(entry.name)) found.push(full);
    }
  }
  return found.map((full) => relative(root, full).split(sep).join('/')).sort();
}

/** Removes only what an earlier run wrote (named by its index.json), never anything else in outDir. */
function removePreviousOutput(outDir: string): void {
  const indexPath = join(outDir, 'index.json');
  if (!existsSync(indexPath)) return;
  try {
    const previous = JSON.parse(readFileSync(indexPath, 'utf8')) as { decks?: { file?: unknown }[] };
    for (const deck of previous.decks ?? []) {
      if (typeof deck.file === 'string' && /^[a-z0-9-]+\.json$/.test(deck.file)) rmSync(join(outDir, deck.file), { force: true });
    }
  } catch {
    // An unreadable old index names nothing we can safely delete.
  }
  rmSync(join(outDir, MEDIA_FOLDER), { recursive: true, force: true });
  rmSync(indexPath);
}

function formatWarning(w: Warning): string {
  return w.line > 0 ? `${w.file}:${w.line}: ${w.message}` : `${w.file}: ${w.message}`;
}

async function main(): Promise<number> {
  let args: { notesDir: string; outDir: string };
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`cards: ${error.message}\n${USAGE}`);
    return 2;
  }
  const { notesDir, outDir } = args;
  const notes = findNotes(notesDir);
  if (notes.length === 0) console.error(`cards: no .md or .markdown notes under ${notesDir}`);

  // jsdom gives DOMPurify a DOM in Node; loaded only when there is something to build (it takes a second).
  const { JSDOM } = await import('jsdom');
  const sanitizer = createCardSanitizer(createDOMPurify(new JSDOM('').window as unknown as Window & typeof globalThis));
  let refused = 0;
  const built = [];
  for (const source of notes) {
    const result = extractNote(readFileSync(join(notesDir, source)), source);
    if (!result.ok) {
      refused++;
      console.error(`${source}: refused — ${result.reason}`);
      continue;
    }
    if (result.skipped) {
      console.log(`${source}: skipped (flashcards: false)`);
      continue;
    }
    const deck = buildDeck(result, { hasImage: (path) => existsSync(join(notesDir, path)), sanitizeAll: sanitizer.sanitizeAll });
    built.push({ deck, warnings: [...result.warnings, ...deck.warnings] });
  }

  removePreviousOutput(outDir);
  mkdirSync(outDir, { recursive: true });
  const ids = uniqueDeckIds(built.map(({ deck }) => deck.file.id));
  const entries: DeckIndexEntry[] = [];
  built.forEach(({ deck, warnings }, i) => {
    const file = { ...deck.file, id: ids[i]! };
    for (const w of warnings) console.error(formatWarning(w));
    const summary = `${file.source}: ${file.cards.length} cards, ${warnings.length} warnings`;
    if (file.cards.length === 0) {
      console.log(`${summary} — no deck written`);
      return;
    }
    const fileName = `${file.id}.json`;
    const serialized = serializeDeck(file);
    writeFileSync(join(outDir, fileName), serialized);
    for (const image of deck.images) {
      const target = join(outDir, MEDIA_FOLDER, ...image.split('/'));
      mkdirSync(dirname(target), { recursive: true });
      copyFileSync(join(notesDir, ...image.split('/')), target);
    }
    entries.push(indexEntry(file, fileName, serialized));
    console.log(`${summary} → ${fileName}`);
  });
  writeFileSync(join(outDir, 'index.json'), serializeIndex(entries));
  const total = entries.reduce((sum, e) => sum + e.cards, 0);
  console.log(`${entries.length} decks, ${total} cards written to ${relative(process.cwd(), outDir) || '.'}`);
  if (refused > 0) console.error(`cards: ${refused} note(s) refused; the other decks were written`);
  return refused > 0 ? 1 : 0;
}

process.exitCode = await main();
