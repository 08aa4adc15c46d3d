/**
 * npm run cards -- [notesDir] [--out outDir] [--sample N]
 * Builds the decks the app ships from a folder of Markdown notes. Deterministic: the same notes give
 * byte-identical files. Exit 0: every note built (warnings allowed); 1: some note refused; 2: usage error.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import createDOMPurify from 'dompurify';
import { createCardSanitizer } from '../src/adapters/sanitize.ts';
import { DECK_INDEX_FILE, deckFileName } from '../src/core/deck-files.ts';
import { buildDeck, imageFinder, indexEntry, MEDIA_FOLDER, serializeDeck, serializeIndex, uniqueDeckIds } from '../src/core/deck.ts';
import { extractNote } from '../src/core/extract/index.ts';
import { seededRandom } from '../src/core/random.ts';
import type { DeckCard, DeckIndexEntry, SkipReason, Warning } from '../src/core/types.ts';

const USAGE = 'usage: npm run cards -- [notesDir] [--out outDir] [--sample N]   (defaults: cards → public/decks; --sample prints N random cards to judge)';

class UsageError extends Error {}

interface Args {
  notesDir: string;
  outDir: string;
  sample: number;
}

function parseArgs(argv: string[]): Args {
  let notesDir: string | undefined;
  let outDir = 'public/decks';
  let sample = 0;
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
    else if (arg === '--sample') {
      sample = Number(argv[++i]);
      if (!Number.isInteger(sample) || sample < 1) throw new UsageError('--sample needs a whole number of cards, like --sample 30');
    } else if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}`);
    else if (notesDir === undefined) notesDir = arg;
    else throw new UsageError(`only one notes folder can be given (got "${notesDir}" and "${arg}")`);
  }
  notesDir ??= 'cards';
  if (!existsSync(notesDir) || !statSync(notesDir).isDirectory()) {
    throw new UsageError(`notes folder "${notesDir}" does not exist — pass the folder that holds your .md notes`);
  }
  return { notesDir: resolve(notesDir), outDir: resolve(outDir), sample };
}

const NOTE_FILE = /\.(md|markdown)$/i;
const IMAGE_FILE = /\.(png|jpe?g|gif|webp|svg|avif)$/i;

/** Files below the notes folder whose names match, as forward-slash paths relative to it, sorted. */
function findFiles(root: string, pattern: RegExp): string[] {
  const found: string[] = [];
  const pending = [root];
  while (pending.length > 0) {
    const dir = pending.pop()!;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) pending.push(full);
      else if (entry.isFile() && pattern.test(entry.name)) found.push(full);
    }
  }
  return found.map((full) => relative(root, full).split(sep).join('/')).sort();
}

/** Removes only what an earlier run wrote (named by its index.json), never anything else in outDir. */
function removePreviousOutput(outDir: string): void {
  const indexPath = join(outDir, DECK_INDEX_FILE);
  if (!existsSync(indexPath)) return;
  try {
    const previous = JSON.parse(readFileSync(indexPath, 'utf8')) as { decks?: { file?: unknown }[] };
    for (const deck of previous.decks ?? []) {
      // Deck files of this version (`x.deck.json`) and of earlier ones (`x.json`).
      if (typeof deck.file === 'string' && /^[a-z0-9-]+(\.deck)?\.json$/.test(deck.file) && deck.file !== DECK_INDEX_FILE) rmSync(join(outDir, deck.file), { force: true });
    }
  } catch {
    // An unreadable old index names nothing we can safely delete.
  }
  rmSync(join(outDir, MEDIA_FOLDER), { recursive: true, force: true });
  rmSync(indexPath);
}

const SKIPPED_BECAUSE: Record<SkipReason, string> = {
  'flashcards-false': 'flashcards: false in its front matter',
  'project-file': 'a file of the project (README, CHANGELOG, LICENSE…), not notes',
  'landing-page': 'a landing page: a welcome and links to the other pages',
};

function formatWarning(w: Warning): string {
  return w.line > 0 ? `${w.file}:${w.line}: ${w.message}` : `${w.file}: ${w.message}`;
}

async function main(): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`cards: ${error.message}\n${USAGE}`);
    return 2;
  }
  const { notesDir, outDir, sample } = args;
  const notes = findFiles(notesDir, NOTE_FILE);
  if (notes.length === 0) console.error(`cards: no .md or .markdown notes under ${notesDir}`);

  // jsdom gives DOMPurify a DOM in Node; loaded only when there is something to build (it takes a second).
  const { JSDOM } = await import('jsdom');
  const sanitizer = createCardSanitizer(createDOMPurify(new JSDOM('').window as unknown as Window & typeof globalThis));
  let refused = 0;
  const built = [];
  const findImage = imageFinder(findFiles(notesDir, IMAGE_FILE));
  for (const source of notes) {
    const result = extractNote(readFileSync(join(notesDir, source)), source);
    if (!result.ok) {
      refused++;
      console.error(`${source}: refused — ${result.reason}`);
      continue;
    }
    if (result.skipped) {
      console.log(`${source}: no cards — ${SKIPPED_BECAUSE[result.why]}`);
      continue;
    }
    const deck = buildDeck(result, { hasImage: (path) => existsSync(join(notesDir, path)), findImage, sanitizeAll: sanitizer.sanitizeAll });
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
    const fileName = deckFileName(file.id);
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
  writeFileSync(join(outDir, DECK_INDEX_FILE), serializeIndex(entries));
  const total = entries.reduce((sum, e) => sum + e.cards, 0);
  console.log(`${entries.length} decks, ${total} cards written to ${relative(process.cwd(), outDir) || '.'}`);
  if (sample > 0)
    printSample(
      built.flatMap(({ deck }) => deck.file.cards.map((card) => ({ card, deck: deck.file.title }))),
      sample,
    );
  if (refused > 0) console.error(`cards: ${refused} note(s) refused; the other decks were written`);
  return refused > 0 ? 1 : 0;
}

/**
 * N cards picked at random (always the same ones for the same notes), as the review screen shows them: the
 * breadcrumb above the question, then the question → the first line of the answer.
 */
function printSample(cards: { card: DeckCard; deck: string }[], count: number): void {
  const random = seededRandom(1);
  const pool = [...cards];
  console.log(`\n${Math.min(count, pool.length)} random cards:`);
  for (let n = 0; n < count && pool.length > 0; n++) {
    const { card, deck } = pool.splice(Math.floor(random() * pool.length), 1)[0]!;
    const firstLine = card.answer.split('\n').find((line) => line.trim()) ?? '';
    const breadcrumb = card.context.length > 0 ? card.context.join(' › ') : deck;
    console.log(`- [${breadcrumb}] ${card.question.replace(/\s+/g, ' ')} → ${firstLine.trim()}`);
  }
}

process.exitCode = await main();
