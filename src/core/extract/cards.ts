/** The cards of a note's segments, by rule: R1 explicit, R2 question headings, R3 sections and labels, R4 terms, R5 glossaries. */
import { paragraphContent, type Block } from '../blocks.ts';
import { cardKey, numberedKey } from '../card-key.ts';
import { dedent, foldText, normalizeKeyText } from '../text.ts';
import type { CardKind, ExtractedCard } from '../types.ts';
import { matchExplicitLine } from './explicit.ts';
import { matchGlossaryLine } from './glossary.ts';
import { isAboutTheNotes, isChatLeftover, isChecklistItem, isDateLine, isTodoList } from './noise.ts';
import { nearestTitled, type Segment } from './segments.ts';
import { matchTerm } from './terms.ts';
import { cleanTitle, isGenericTitle, isQuestionTitle, qualifiedTitle } from './titles.ts';

export const MAX_ANSWER_CHARS = 1500;

export class CardBuilder {
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
    let key = cardKey(this.noteId, kind, anchor, normalizeKeyText(question));
    const seen = this.seenKeys.get(key) ?? 0;
    this.seenKeys.set(key, seen + 1);
    if (seen > 0) {
      this.warn(line + 1, `duplicate card "${question}" in the same section; the copy is kept as number ${seen + 1}`);
      key = numberedKey(key, seen + 1);
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
