/** A note split into segments: one per heading (wherever CommonMark put it), label or thematic break. */
import { walk, type Block } from '../blocks.ts';
import { foldText } from '../text.ts';
import { isGlossaryTitle } from './glossary.ts';
import { isChatLeftover, isDateLine, isSkippedTitle } from './noise.ts';
import {
  boldText,
  cleanTitle,
  exerciseStatement,
  hasStyledLetters,
  isCalloutWord,
  isDecorativeLine,
  isExampleTitle,
  isGenericTitle,
  isLabel,
  isStatementPart,
  isTaskStatement,
  isTutorialStep,
} from './titles.ts';

/** `<!-- no-cards -->` or `<!-- repaso: skip -->` right before a heading: that section makes no cards. */
const SKIP_MARKER = /^<!--\s*(no-cards|repaso:\s*skip)\s*-->\s*$/i;

/** A run of the note that belongs to one heading, label, or the text after a thematic break. */
export interface Segment {
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
  /** An example, a template or a sample prompt (or inside one): an illustration, not a list of topics. */
  example?: boolean;
  content: Block[];
  /** Computed once per segment: the breadcrumb down to and including this segment, and its key anchor. */
  breadcrumb?: string[];
  anchor?: string;
}

type Boundary = 'heading' | 'label' | 'break';

/** Titles whose text belongs to the answer around them: callout words, tutorial steps, parts of a statement. */
function joinsTheAnswer(title: string): boolean {
  return isCalloutWord(title) || isStatementPart(title) || (!title.includes('?') && isTutorialStep(title));
}

function isBoundary(node: Block): Boundary | null {
  if (node.type === 'heading') {
    const title = cleanTitle(node.inline);
    return isDecorativeLine(node.inline) || !title || joinsTheAnswer(title) ? null : 'heading';
  }
  if (node.type === 'hr' && node.parent?.type === 'root') return 'break';
  if (node.type !== 'paragraph') return null;
  if (node.parent?.type === 'item') return isTaskItem(node) ? 'label' : null;
  if (node.parent?.type !== 'root' && node.parent?.type !== 'blockquote') return null;
  const callout = calloutTitle(node);
  if (callout !== undefined) return callout === null ? null : 'label';
  const text = node.inline.trim();
  // Arrow and bullet-character lines ("→ …", "• …") are the list of the label above them.
  if (ARROW_LINE.test(text) || isDecorativeLine(text)) return null;
  const title = cleanTitle(text);
  if (!title || isChatLeftover(text)) return null;
  if (exerciseStatement(text) !== null) return 'label';
  if (joinsTheAnswer(title) || isExampleTitle(title)) return null;
  if (isLabel(text)) return 'label';
  // "Entonces, ¿qué sí es un agente?" alone in a paragraph, with its answer after it.
  if (!text.includes('\n') && text.endsWith('?') && title.split(/\s+/).length <= 30 && nextSibling(node) !== undefined) return 'label';
  // A line in styled letters (𝗘𝗺𝗯𝗲𝗱𝗱𝗶𝗻𝗴𝘀) is a bold label written another way.
  if (!text.includes('\n') && hasStyledLetters(text) && title.split(/\s+/).length <= 12 && !title.endsWith('.')) return 'label';
  const bold = boldText(text);
  if (bold === null) return null;
  // "**¿Qué es Prompting?**" used as a heading, and "**Los 5 principios**" right above its list.
  if (bold.endsWith('?')) return 'label';
  if (bold.split(/\s+/).length <= 12 && !bold.endsWith('.') && nextSibling(node)?.type === 'list') return 'label';
  return null;
}

const CALLOUT = /^\[!([a-z-]+)\][+-]?[ \t]*(.*)$/i;
/** Callouts that quote or illustrate: their title names a source or an example, not a topic. */
const QUOTING_CALLOUTS = new Set(['quote', 'cite', 'example', 'examples', 'question', 'faq', 'help']);

/**
 * An Obsidian callout's title (`> [!note] Función de densidad`) when it names a topic; null for a callout whose title
 * is generic, missing or a source (`> [!quote] Gemini`); undefined for a paragraph that opens no callout.
 */
export function calloutTitle(paragraph: Block): string | null | undefined {
  if (paragraph.parent?.type !== 'blockquote' || paragraph.parent.children[0] !== paragraph) return undefined;
  const match = CALLOUT.exec(paragraph.inline.split('\n')[0]!.trim());
  if (!match) return undefined;
  const title = cleanTitle(match[2]!);
  if (!title || QUOTING_CALLOUTS.has(match[1]!.toLowerCase()) || isCalloutWord(title) || isGenericTitle(title)) return null;
  return title;
}

const ARROW_LINE = /^(?:→|➜|➔|➤|⇒|•|·|▪|‣|◦|->|=>)\s*/;

/** The first paragraph of an item of a numbered task list, asking something: a practice sheet's exercise. */
function isTaskItem(paragraph: Block): boolean {
  const item = paragraph.parent!;
  const list = item.parent;
  if (item.children[0] !== paragraph || !list || list.type !== 'list' || !/^[.)]$/.test(item.markup)) return false;
  return isTaskStatement(taskLine(paragraph.inline).question);
}

/**
 * A task's first line is its statement; lines after it (an answer written without a blank line) and, on the same
 * line, text after the statement's question mark, are its answer.
 */
function taskLine(inline: string): { question: string; rest: string } {
  const [first = '', ...more] = inline.split('\n');
  const asked = /^(.*?\?)\s+(\S.*)$/.exec(first);
  const question = asked && !asked[2]!.startsWith('¿') ? asked[1]! : first;
  const rest = [asked && !asked[2]!.startsWith('¿') ? asked[2]! : '', ...more].filter((line) => line.trim()).join('\n');
  return { question, rest };
}

export function nextSibling(node: Block): Block | undefined {
  const siblings = node.parent?.children ?? [];
  return siblings[siblings.indexOf(node) + 1];
}

/** Splits the note at headings (wherever CommonMark put them), labels and thematic breaks. */
export function segmentNote(root: Block, lineCount: number): Segment[] {
  const preamble = segment(0, '', false, 0, -1, 0, null);
  const segments: Segment[] = [preamble];
  const open: Segment[] = [];
  let topLevel = 7;
  for (const node of walk(root)) if (node.type === 'heading') topLevel = Math.min(topLevel, node.level);

  // isBoundary looks at siblings for bold labels: decide once, and let assignContent reuse the answer.
  const boundaries = new Set<Block>();
  const labelBodies: { segment: Segment; body: Block }[] = [];
  let skipNext = false;
  // Inside an example ("## Ejemplo", "## Template"), headings below it are part of the example, not topics.
  let exampleLevel = 0;
  for (const node of walk(root)) {
    if (node.type === 'html' && node.parent?.type === 'root') {
      skipNext = SKIP_MARKER.test(node.inline || '') || skipNext;
      continue;
    }
    let kind = isBoundary(node);
    if (kind === 'heading' && exampleLevel > 0) {
      if (node.level > exampleLevel) kind = null;
      else exampleLevel = 0;
    } else if (kind === 'label' && exampleLevel > 0) kind = null;
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
    const statement = exerciseStatement(node.inline);
    const callout = calloutTitle(node);
    const task = node.parent?.type === 'item' ? taskLine(node.inline) : null;
    let title = callout ?? (task ? cleanTitle(task.question) : statement === null ? cleanTitle(node.inline) : statement);
    let bodyStart = node.end;
    // A callout's or a task's answer may share the paragraph of its first line: it is the label's content.
    const body = callout && node.end - node.start > 1 ? node.inline.split('\n').slice(1).join('\n') : task?.rest;
    const rest = body ? { ...node, inline: body, text: body, children: [] } : null;
    // "Ejercicio 5." alone: the paragraph after it is the statement.
    const next = nextSibling(node);
    if (statement === '' && next?.type === 'paragraph') {
      title = cleanTitle(next.inline);
      boundaries.add(next);
      bodyStart = next.end;
    }
    if (kind === 'heading' && isExampleTitle(title)) exampleLevel = node.level;
    let level = node.level;
    if (kind === 'label') {
      const heading = open.findLast((s) => !s.label);
      level = (heading?.level ?? 0) + 1;
    }
    while (open.length > 0 && open[open.length - 1]!.level >= level) open.pop();
    const parent = open[open.length - 1] ?? preamble;
    const created = segment(segments.length, title, true, level, node.start, bodyStart, parent);
    created.example = isExampleTitle(title) || (parent.example ?? false);
    if (rest) labelBodies.push({ segment: created, body: rest });
    created.label = kind === 'label';
    if (skipNext && kind === 'heading') created.skipped = true;
    skipNext = false;
    segments.push(created);
    open.push(created);
  }
  segments[segments.length - 1]!.bodyEnd = lineCount;
  assignContent(root, segments, boundaries);
  for (const { segment, body } of labelBodies) segment.content.unshift(body);
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

export function nearestTitled(segment: Segment | null): Segment | null {
  let s = segment;
  while (s && !s.titled) s = s.parent;
  return s;
}
