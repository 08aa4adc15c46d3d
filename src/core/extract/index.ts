/**
 * The extractor: one note in, its deck and cards out, with warnings that carry line numbers. Pure: the build script
 * and the in-app import both call it.
 */
import { buildBlocks, nestingCutLine, paragraphContent, parseTokens, walk, type Block } from '../blocks.ts';
import { splitFrontMatter } from '../frontmatter.ts';
import { decodeNote, slugify } from '../text.ts';
import type { DeckMeta, ExtractResult, SkipReason, Warning } from '../types.ts';
import { CardBuilder } from './cards.ts';
import { introducesTheNotes, isTagLine } from './noise.ts';
import { segmentNote } from './segments.ts';
import { cleanTitle, noteTopic } from './titles.ts';

export { MAX_ANSWER_CHARS } from './cards.ts';

const NOTES_APP_NAME = /^(.*?)\s+([0-9a-f]{32})$/;
const NOTES_APP_ID = /\s+[0-9a-f]{32}$/;

/**
 * Turns one note into cards. `source` is the note's path relative to the notes folder (forward slashes); it names
 * the note in warnings and, without a front-matter `id`, anchors every key.
 */
export function extractNote(input: Uint8Array | string, source: string): ExtractResult {
  const decoded = decodeNote(input);
  if (!decoded.ok) {
    const { ok: _failed, ...refusal } = decoded;
    return { ok: false, source, ...refusal, warnings: [{ file: source, line: 0, message: decoded.reason }] };
  }
  const warnings: Warning[] = [];
  const warn = (line: number, message: string) => warnings.push({ file: source, line, message });

  const front = splitFrontMatter(decoded.text);
  for (const problem of front.problems) warn(problem.line, problem.message);

  const lines = front.body.split('\n');
  const tokens = parseTokens(front.body);
  const cut = nestingCutLine(tokens);
  if (cut >= 0) warn(cut + 1, 'lists or quotes nest more than 100 levels deep here; the text inside them was skipped');
  const root = buildBlocks(tokens, lines.length);
  const fileStem = source
    .split('/')
    .pop()!
    .replace(/\.(md|markdown)$/i, '');
  // Notes apps export "Context LLM 28ec2187ea128012ae25cb0107a010a7.md": the hex id is the note's stable id.
  const exported = NOTES_APP_NAME.exec(fileStem);
  const noteId = front.data.id ?? exported?.[2] ?? source;
  const firstH1 = findFirstH1(root);
  const named = orderedName(exported?.[1] ?? fileStem);
  const title = front.data.title ?? (firstH1 ? cleanTitle(firstH1.inline) : undefined) ?? named.name;
  const navOrder = front.data.navOrder ?? named.order;
  // Without front matter, an exported note's folders (named after its parent pages) place it in the tree.
  const folders =
    exported && !front.data.parent
      ? source
          .split('/')
          .slice(0, -1)
          .map((f) => f.replace(NOTES_APP_ID, ''))
          .filter(Boolean)
      : [];
  const deck: DeckMeta = {
    id: slugify(noteId),
    title,
    path: [...folders, front.data.grandParent, front.data.parent, title].filter((p): p is string => !!p),
    source,
    tags: front.data.tags,
    ...(navOrder !== undefined ? { navOrder } : {}),
    ...(front.data.lang ? { lang: front.data.lang } : {}),
  };
  const skip = (why: SkipReason): ExtractResult => ({ ok: true, deck, cards: [], warnings, skipped: true, why });
  if (!front.data.flashcards) return skip('flashcards-false');
  if (!source.includes('/') && PROJECT_FILE.test(fileStem)) return skip('project-file');
  // Deeper in the notes, a README or an index is a note unless it opens by introducing the notes themselves.
  if (FOLDER_PAGE.test(fileStem) && opensWithIntroduction(root)) return skip(/^readme$/i.test(fileStem) ? 'project-file' : 'landing-page');
  if (isLandingPage(root)) return skip('landing-page');
  // "#biología #célula" on a line of its own: the note's tags.
  for (const node of walk(root))
    if (node.type === 'paragraph' && node.parent?.type === 'root' && isTagLine(node.inline))
      deck.tags.push(
        ...node.inline
          .trim()
          .split(/\s+/)
          .map((tag) => tag.slice(1)),
      );

  checkFences(root, lines, warn);
  const segments = segmentNote(root, lines.length);
  // A note with no headings is asked by its name: its title, or its file name unless that is a project's file.
  const topic = PROJECT_FILE.test(fileStem) && !front.data.title ? null : noteTopic(title);
  const builder = new CardBuilder(noteId, title, topic, lines, warn);
  for (const segment of segments) builder.addSegment(segment);
  const cards = builder.finish();
  return { ok: true, deck, cards, warnings, skipped: false };
}

/**
 * "03 - Virtualización", "1- Máquinas de Turing", "02_redes": a number that puts the files in order, then the note's
 * name. The name is the title; the number orders the decks (10 after 2, which the names alone would not). A name
 * that starts with a number of its own ("01 Matrix", "2024 budget", "3.5 Release") keeps it, and so does a class's
 * name ("Clase 4 - DNS"), which places the deck in its course (noteTopic drops both to ask the note's own card).
 */
const ORDERED_FILE = /^(\d{1,3})\s*[-_.)]\s*(?=[^\d\s])(.+)$/;

function orderedName(stem: string): { name: string; order?: number } {
  const ordered = ORDERED_FILE.exec(stem);
  return ordered ? { name: ordered[2]!.trim(), order: Number(ordered[1]) } : { name: stem };
}

/** The files of a project, not of its notes, when they sit at the notes' root. */
const PROJECT_FILE = /^(readme|changelog|change-log|changes|history|license|licence|copying|contributing|code[-_ ]of[-_ ]conduct|security|authors|todo)$/i;

const WELCOME = /^(bienvenid[oa]s?|welcome|hola|hello|hi|este sitio|esta web|este repositorio|this site|this repository|in this site|en este sitio)(?![\p{L}\p{N}])/iu;

/**
 * A landing page: its body is a welcome and lists of links to the other pages, with little text of its own — a
 * short paragraph or two, one of them welcoming the reader, or none at all.
 */
function isLandingPage(root: Block): boolean {
  let links = 0;
  let text = 0;
  let welcome = false;
  for (const node of walk(root)) {
    if (node.type !== 'paragraph' || (node.parent?.type === 'item' && node.parent.children[0] !== node)) continue;
    const content = paragraphContent(node);
    if (content === 'links') links++;
    else if (content === 'text') {
      text += node.inline.length;
      // More text than a welcome: a page of its own.
      if (text > 600) return false;
      welcome ||= WELCOME.test(node.inline.trim());
    }
  }
  for (const node of walk(root)) if (node.type === 'fence' || node.type === 'table' || node.type === 'code') return false;
  return links >= 2 && (text === 0 || (welcome && text <= 600));
}

/** The page of a folder: its README, or the index or home page of a site. */
const FOLDER_PAGE = /^(readme|index|_index|home|inicio)$/i;

/**
 * The page opens by welcoming the reader ("# Bienvenido") or introducing the notes ("Este es un repositorio en el que
 * iré subiendo apuntes…", "These notes are…"): it is about the notes, not a note.
 */
function opensWithIntroduction(root: Block): boolean {
  for (const node of walk(root)) {
    if (node.type === 'heading') {
      if (WELCOME.test(cleanTitle(node.inline))) return true;
      continue;
    }
    if (node.type !== 'paragraph' || paragraphContent(node) !== 'text') continue;
    // A site's admonition (":::caution[Uso ético]") opens on a line of its own.
    const text = node.inline.replace(/^:::[^\n]*\n/, '').trim();
    return WELCOME.test(text) || introducesTheNotes(text);
  }
  return false;
}

function findFirstH1(root: Block): Block | undefined {
  for (const node of walk(root)) if (node.type === 'heading' && node.level === 1) return node;
  return undefined;
}

function checkFences(root: Block, lines: string[], warn: (line: number, message: string) => void): void {
  for (const node of walk(root)) {
    if (node.type !== 'fence') continue;
    const last = lines[node.end - 1]?.trim() ?? '';
    const closed = node.end - 1 > node.start && last.startsWith(node.markup) && /^[`~]+$/.test(last);
    if (!closed) warn(node.start + 1, `fence opened at line ${node.start + 1} never closed`);
  }
}
