import { buildBlocks, nestingCutLine, paragraphContent, parseTokens, walk, type Block } from './blocks.ts';
import {
  boldText,
  isAboutTheNotes,
  cleanTitle,
  isChatLeftover,
  isChecklistItem,
  isDateLine,
  isGenericTitle,
  isGlossaryTitle,
  isLabel,
  isQuestionTitle,
  isSkippedTitle,
  isTaskLine,
  matchExplicitLine,
  matchGlossaryLine,
  matchTerm,
  qualifiedTitle,
} from './extract-rules.ts';
import { splitFrontMatter } from './frontmatter.ts';
import { decodeNote, dedent, foldText, normalizeKeyText, slugify } from './text.ts';
import type { CardKind, DeckMeta, ExtractedCard, ExtractResult, Warning } from './types.ts';

export const MAX_ANSWER_CHARS = 1500;

const NOTES_APP_NAME = /^(.*?)\s+([0-9a-f]{32})$/;
const NOTES_APP_ID = /\s+[0-9a-f]{32}$/;
/** `<!-- no-cards -->` or `<!-- repaso: skip -->` right before a heading: that section makes no cards. */
const SKIP_MARKER = /^<!--\s*(no-cards|repaso:\s*skip)\s*-->\s*$/i;

/** A run of the note that belongs to one heading, label, or the text after a thematic break. */
interface Segment {
  index: number;
  title: string;
  titled: boolean;
  level: number;
  /** 0-based line of the heading or label; -1 for the preamble. */
  line: number;
  bodyStart: number;
  bodyEnd: number;
  parent: Segment | null;
  skipped: boolean;
  glossary: boolean;
  label: boolean;
  content: Block[];
  /** Computed once per segment: the breadcrumb down to and including this segment, and its key anchor. */
  breadcrumb?: string[];
  anchor?: string;
}

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
  const fileStem = source.split('/').pop()!.replace(/\.(md|markdown)$/i, '');
  // Notes apps export "Context LLM 28ec2187ea128012ae25cb0107a010a7.md": the hex id is the note's stable id.
  const exported = NOTES_APP_NAME.exec(fileStem);
  const noteId = front.data.id ?? exported?.[2] ?? source;
  const firstH1 = findFirstH1(root);
  const title = front.data.title ?? (firstH1 ? cleanTitle(firstH1.inline) : undefined) ?? exported?.[1] ?? fileStem;
  // Without front matter, an exported note's folders (named after its parent pages) place it in the tree.
  const folders = exported && !front.data.parent ? source.split('/').slice(0, -1).map((f) => f.replace(NOTES_APP_ID, '')).filter(Boolean) : [];
  const deck: DeckMeta = {
    id: slugify(noteId),
    title,
    path: [...folders, front.data.grandParent, front.data.parent, title].filter((p): p is string => !!p),
    source,
    tags: front.data.tags,
    ...(front.data.navOrder !== undefined ? { navOrder: front.data.navOrder } : {}),
    ...(front.data.lang ? { lang: front.data.lang } : {}),
  };
  if (!front.data.flashcards) return { ok: true, deck, cards: [], warnings, skipped: true };

  checkFences(root, lines, warn);
  const segments = segmentNote(root, lines.length);
  const builder = new CardBuilder(noteId, title, lines, warn);
  for (const segment of segments) builder.addSegment(segment);
  const cards = builder.cards.sort((a, b) => a.line - b.line);
  return { ok: true, deck, cards, warnings, skipped: false };
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

function isBoundary(node: Block): 'heading' | 'label' | 'break' | null {
  if (node.type === 'heading') return 'heading';
  if (node.type === 'hr' && node.parent?.type === 'root') return 'break';
  if (node.type === 'paragraph' && (node.parent?.type === 'root' || node.parent?.type === 'blockquote')) {
    if (isLabel(node.inline)) return 'label';
    const bold = boldText(node.inline);
    if (bold === null || isChatLeftover(bold)) return null;
    // "**¿Qué es Prompting?**" used as a heading, and "**Los 5 principios**" right above its list.
    if (bold.endsWith('?')) return 'label';
    if (bold.split(/\s+/).length <= 12 && !bold.endsWith('.') && nextSibling(node)?.type === 'list') return 'label';
  }
  return null;
}

function nextSibling(node: Block): Block | undefined {
  const siblings = node.parent?.children ?? [];
  return siblings[siblings.indexOf(node) + 1];
}

/** Splits the note at headings (wherever CommonMark put them), labels and thematic breaks. */
function segmentNote(root: Block, lineCount: number): Segment[] {
  const preamble = segment(0, '', false, 0, -1, 0, null);
  const segments: Segment[] = [preamble];
  const open: Segment[] = [];
  let topLevel = 7;
  for (const node of walk(root)) if (node.type === 'heading') topLevel = Math.min(topLevel, node.level);

  // isBoundary looks at siblings for bold labels: decide once, and let assignContent reuse the answer.
  const boundaries = new Set<Block>();
  let skipNext = false;
  for (const node of walk(root)) {
    if (node.type === 'html' && node.parent?.type === 'root') {
      skipNext = SKIP_MARKER.test(node.inline || '') || skipNext;
      continue;
    }
    const kind = isBoundary(node);
    if (!kind) {
      if (node.parent?.type === 'root') skipNext = false;
      continue;
    }
    boundaries.add(node);
    segments[segments.length - 1]!.bodyEnd = node.start;
    if (kind === 'break') {
      while (open.length > 0 && open[open.length - 1]!.level > topLevel) open.pop();
      const parent = open[open.length - 1] ?? preamble;
      segments.push(segment(segments.length, '', false, parent.level, node.start, node.end, parent));
      continue;
    }
    const title = cleanTitle(node.inline);
    let level = node.level;
    if (kind === 'label') {
      const heading = open.findLast((s) => !s.label);
      level = (heading?.level ?? 0) + 1;
    }
    while (open.length > 0 && open[open.length - 1]!.level >= level) open.pop();
    const parent = open[open.length - 1] ?? preamble;
    const created = segment(segments.length, title, true, level, node.start, node.end, parent);
    created.label = kind === 'label';
    if (skipNext && kind === 'heading') created.skipped = true;
    skipNext = false;
    segments.push(created);
    open.push(created);
  }
  segments[segments.length - 1]!.bodyEnd = lineCount;
  assignContent(root, segments, boundaries);
  return segments;
}

function segment(
  index: number,
  title: string,
  titled: boolean,
  level: number,
  line: number,
  bodyStart: number,
  parent: Segment | null,
): Segment {
  const folded = titled ? foldText(title) : '';
  const skipped = (parent?.skipped ?? false) || (titled && (isSkippedTitle(folded) || isChatLeftover(title) || isDateLine(title)));
  const glossary = titled ? isGlossaryTitle(folded) : (parent?.glossary ?? false);
  return { index, title, titled, level, line, bodyStart, bodyEnd: bodyStart, parent, skipped, glossary, label: false, content: [] };
}

/** Gives every block to the segment it lies in; a block that straddles a boundary is split into its children. */
function assignContent(root: Block, segments: Segment[], boundaries: ReadonlySet<Block>): void {
  const stack: Block[] = [...root.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (boundaries.has(node)) continue;
    const owner = segments[findSegment(segments, node.start)]!;
    if (node.end <= owner.bodyEnd || node.children.length === 0) {
      owner.content.push(node);
      continue;
    }
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
}

function findSegment(segments: Segment[], line: number): number {
  let low = 0;
  let high = segments.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (segments[mid]!.bodyStart <= line) low = mid;
    else high = mid - 1;
  }
  return low;
}

class CardBuilder {
  readonly cards: ExtractedCard[] = [];
  private readonly seenKeys = new Map<string, number>();
  private readonly foldedTitle: string;

  constructor(
    private readonly noteId: string,
    private readonly deckTitle: string,
    private readonly lines: string[],
    private readonly warn: (line: number, message: string) => void,
  ) {
    this.foldedTitle = foldText(deckTitle);
  }

  addSegment(segment: Segment): void {
    if (segment.skipped) return;
    const kept: Block[] = [];
    for (const node of segment.content) {
      if (this.isNoise(node)) continue;
      if (node.type === 'paragraph' && node.parent?.type !== 'item' && this.addExplicit(node, segment)) continue;
      if (segment.glossary && node.type === 'paragraph' && this.addGlossary(node, segment)) continue;
      kept.push(node);
    }
    if (segment.titled && !segment.glossary && kept.some((node) => !this.isImageOnly(node))) {
      const title = segment.title;
      if (title) {
        const kind: CardKind = isQuestionTitle(title) ? 'question' : 'section';
        const question = isGenericTitle(title) ? qualifiedTitle(this.ownerTitle(segment.parent), title) : title;
        this.add(kind, question, this.slice(kept), segment.line, segment, true);
      }
    }
    for (const node of kept) {
      if (node.type === 'paragraph' && node.parent?.type !== 'item') this.addTermParagraph(node, segment);
      else this.addTerms(node, segment);
    }
  }

  /** The topic a generic title belongs to: the nearest section with a title of its own, or the deck. */
  private ownerTitle(from: Segment | null): string {
    for (let s = from; s; s = s.parent) if (s.titled && s.title && !isGenericTitle(s.title)) return s.title;
    return this.deckTitle;
  }

  /** R4 on a paragraph: `**Indexing:** The external data is…` alone in a paragraph. */
  private addTermParagraph(paragraph: Block, segment: Segment): void {
    const match = matchTerm(paragraph.inline);
    if (!match || !match.definition) return;
    const term = cleanTitle(match.term);
    const question = isGenericTitle(term) ? qualifiedTitle(this.ownerTitle(segment), term) : term;
    this.add('term', question, match.definition, paragraph.start, segment, false);
  }

  private isNoise(node: Block): boolean {
    if (node.type === 'html') return true;
    if (node.type === 'paragraph') {
      const content = paragraphContent(node);
      if (content === 'links' || content === 'empty') return true;
      return content === 'text' && (isChatLeftover(node.inline) || isDateLine(node.inline) || isAboutTheNotes(node.inline));
    }
    if (node.type === 'item' && node.children[0]?.type === 'paragraph' && isChecklistItem(node.children[0].inline)) return true;
    if (node.type === 'list' && isTodoList(node)) return true;
    // Containers holding only noise (or nothing, past the nesting limit) are noise; depth is capped at 100.
    if (node.type === 'list' || node.type === 'item' || node.type === 'blockquote') {
      return node.children.every((child) => this.isNoise(child));
    }
    return false;
  }

  /** Images stay in answers, but a section holding nothing else makes no card. */
  private isImageOnly(node: Block): boolean {
    return node.type === 'paragraph' && paragraphContent(node) === 'images';
  }

  /** R1: every `Q::A` line of a paragraph, or a multi-line card split by a line holding only `?`. */
  private addExplicit(paragraph: Block, segment: Segment): boolean {
    const paragraphLines = paragraph.inline.split('\n');
    const separator = paragraphLines.findIndex((line) => line.trim() === '?');
    if (separator > 0 && separator < paragraphLines.length - 1) {
      const question = paragraphLines.slice(0, separator).join('\n').trim();
      const answer = paragraphLines.slice(separator + 1).join('\n').trim();
      this.add('explicit', question, answer, paragraph.start, segment, false);
      return true;
    }
    let found = false;
    paragraphLines.forEach((line, offset) => {
      const match = matchExplicitLine(line);
      if (!match) return;
      found = true;
      this.add('explicit', match.question, match.answer, paragraph.start + offset, segment, false);
      if (match.bothWays) this.add('explicit-reverse', match.answer, match.question, paragraph.start + offset, segment, false);
    });
    return found;
  }

  /** R5: `Term: definition` lines under a glossary label. */
  private addGlossary(paragraph: Block, segment: Segment): boolean {
    let found = false;
    paragraph.inline.split('\n').forEach((line, offset) => {
      const match = matchGlossaryLine(line);
      if (!match) return;
      found = true;
      this.add('glossary', match.term, match.definition, paragraph.start + offset, segment, false);
    });
    return found;
  }

  /** R4: term bullets at any depth of a list, item by item. */
  private addTerms(node: Block, segment: Segment): void {
    if (node.type !== 'list' && node.type !== 'item' && node.type !== 'blockquote') return;
    const stack: Block[] = [node];
    while (stack.length > 0) {
      const current = stack.pop()!;
      if (current.type === 'item') this.addTermItem(current, segment);
      for (let i = current.children.length - 1; i >= 0; i--) {
        const child = current.children[i]!;
        if (child.type === 'list' || child.type === 'item' || child.type === 'blockquote') stack.push(child);
      }
    }
  }

  private addTermItem(item: Block, segment: Segment): void {
    const match = termOf(item);
    if (!match) return;
    const first = item.children[0]!;
    const rest = dedent(this.lines.slice(first.end, Math.min(item.end, segment.bodyEnd)));
    const answer = [match.definition, rest].filter(Boolean).join('\n\n');
    const term = cleanTitle(match.term);
    // Under a term bullet ("**Ser específico:**" → "**Ejemplo:** …") a term is part of its parent's answer; one
    // that names a topic of its own is also a card, with its parent in the context.
    const parentItem = item.parent?.parent?.type === 'item' ? item.parent.parent : null;
    const parentTerm = parentItem ? termOf(parentItem) : null;
    if (parentTerm) {
      if (isGenericTitle(term)) return;
      this.add('term', term, answer, item.start, segment, false, cleanTitle(parentTerm.term));
      return;
    }
    const question = isGenericTitle(term) ? qualifiedTitle(this.ownerTitle(segment), term) : term;
    this.add('term', question, answer, item.start, segment, false);
  }

  /** Contiguous blocks are sliced together so list nesting survives; gaps (skipped blocks) split the answer. */
  private slice(blocks: Block[]): string {
    const parts: string[] = [];
    let runStart = blocks[0]!.start;
    let runEnd = blocks[0]!.end;
    for (const node of blocks.slice(1)) {
      if (node.start <= runEnd) {
        runEnd = Math.max(runEnd, node.end);
        continue;
      }
      parts.push(dedent(this.lines.slice(runStart, runEnd)));
      runStart = node.start;
      runEnd = node.end;
    }
    parts.push(dedent(this.lines.slice(runStart, runEnd)));
    return parts.filter(Boolean).join('\n\n');
  }

  private add(kind: CardKind, question: string, answer: string, line: number, segment: Segment, ownSection: boolean, within?: string): void {
    if (!question.trim() || !answer.trim()) return;
    const anchorSegment = ownSection ? nearestTitled(segment.parent) : segment.titled ? segment : nearestTitled(segment.parent);
    const anchor = anchorSegment ? (anchorSegment.anchor ??= normalizeKeyText(anchorSegment.title)) : '';
    let key = JSON.stringify([this.noteId, kind, anchor, normalizeKeyText(question)]);
    const seen = this.seenKeys.get(key) ?? 0;
    this.seenKeys.set(key, seen + 1);
    if (seen > 0) {
      this.warn(line + 1, `duplicate card "${question}" in the same section; the copy is kept as number ${seen + 1}`);
      key = `${key}#${seen + 1}`;
    }
    if (answer.length > MAX_ANSWER_CHARS) {
      this.warn(line + 1, `answer of "${question}" is ${answer.length} characters (over ${MAX_ANSWER_CHARS}); consider splitting it`);
    }
    const context = this.context(ownSection ? segment.parent : segment);
    this.cards.push({
      key,
      kind,
      question: question.trim(),
      answer,
      context: within ? [...context, within] : context,
      line: line + 1,
      section: `s${segment.index}`,
    });
  }

  private context(from: Segment | null): string[] {
    if (!from) return [this.deckTitle];
    if (from.breadcrumb) return from.breadcrumb;
    const above = this.context(from.parent);
    // A statement heading ("En resumen, un LLM es… textuales.") says too much to be a breadcrumb, and an H1 that
    // repeats the deck title adds nothing.
    const useless = !from.titled || !from.title || from.title.endsWith('.') || (above.length === 1 && foldText(from.title) === this.foldedTitle);
    from.breadcrumb = useless ? above : [...above, from.title];
    return from.breadcrumb;
  }
}

function termOf(item: Block): { term: string; definition: string } | null {
  const first = item.children[0];
  return first?.type === 'paragraph' ? matchTerm(first.inline) : null;
}

/**
 * A personal to-do list: short one-line items with no terms, most of them tasks or dates ("El curso de DataCamp",
 * "Continuar con el libro…", "April 9, 2025").
 */
function isTodoList(list: Block): boolean {
  const items = list.children;
  if (items.length < 2) return false;
  let tasks = 0;
  for (const item of items) {
    const first = item.children[0];
    if (item.children.length !== 1 || first?.type !== 'paragraph') return false;
    const text = first.inline.trim();
    if (text.includes('\n') || text.split(/\s+/).length > 10 || /[.:;]$/.test(text) || matchTerm(text)) return false;
    if (isTaskLine(text)) tasks++;
  }
  return tasks * 2 >= items.length;
}

function nearestTitled(segment: Segment | null): Segment | null {
  let s = segment;
  while (s && !s.titled) s = s.parent;
  return s;
}
