/** A note split into segments: one per heading (wherever CommonMark put it), label or thematic break. */
import { walk, type Block } from '../blocks.ts';
import { foldText } from '../text.ts';
import { isGlossaryTitle } from './glossary.ts';
import { isChatLeftover, isDateLine, isSkippedTitle } from './noise.ts';
import { boldText, cleanTitle, isLabel } from './titles.ts';

/** `<!-- no-cards -->` or `<!-- repaso: skip -->` right before a heading: that section makes no cards. */
const SKIP_MARKER = /^<!--\s*(no-cards|repaso:\s*skip)\s*-->\s*$/i;

export /** A run of the note that belongs to one heading, label, or the text after a thematic break. */
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
export function segmentNote(root: Block, lineCount: number): Segment[] {
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

export function nearestTitled(segment: Segment | null): Segment | null {
  let s = segment;
  while (s && !s.titled) s = s.parent;
  return s;
}
