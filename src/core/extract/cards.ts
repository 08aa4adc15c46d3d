/**
 * The cards of a note's segments, by rule: R1 explicit, R2 question headings, R3 sections and labels, R4 terms, R5
 * glossaries. Two passes: each segment proposes cards, then the note settles them as a whole — terms that recur in
 * several sections are fields, not topics; a question asked twice is qualified by its topic; keys are made last.
 */
import { paragraphContent, type Block } from '../blocks.ts';
import { cardKey, numberedKey } from '../card-key.ts';
import { dedent, foldText, normalizeKeyText } from '../text.ts';
import type { CardKind, ExtractedCard } from '../types.ts';
import { matchExplicitLine } from './explicit.ts';
import { matchGlossaryLine } from './glossary.ts';
import {
  isAboutTheNotes,
  isChatLeftover,
  isChecklistItem,
  isDateLine,
  isListIntro,
  isPlaceholderAnswer,
  isPropertyBlock,
  isSkippedTitle,
  isSyllabusTitle,
  isTagLine,
  isTodoList,
} from './noise.ts';
import { isUnansweredChoice, nextSibling, previousSibling, type Segment } from './segments.ts';
import { htmlAsMarkdown } from './html.ts';
import { isNumberAlone, matchPlainTerm, matchTerm, type TermMatch } from './terms.ts';
import {
  boldText,
  cleanTitle,
  hasStyledLetters,
  isCalloutWord,
  isDecorativeLine,
  isVagueExampleTitle,
  isGenericTitle,
  isInstruction,
  isLabel,
  isQuestionTitle,
  leadsOn,
  readsAsSentence,
  isStatementPart,
  qualifiedTitle,
  opensBuildStep,
  opensWalkthrough,
  opensWithGerund,
  isTaskStatement,
} from './titles.ts';

export const MAX_ANSWER_CHARS = 1500;
/** A part of a split section shorter than this joins the part before it. */
const SHORT_PART = 300;

/** A card as a segment proposes it, before the note decides its final question and key. */
interface Candidate {
  kind: CardKind;
  question: string;
  answer: string;
  line: number;
  segment: Segment;
  /** The card is the segment's own (its title and content), not a term or line inside it. */
  ownSection: boolean;
  /** The parent term of a nested term, for its breadcrumb. */
  within?: string;
  /** For term cards: the term, folded, to find terms that recur as fields. */
  term?: string;
}

export class CardBuilder {
  private readonly candidates: Candidate[] = [];
  private readonly foldedTitle: string;
  /** What the note holds outside any heading or label, and whether it has any: for a note of a single topic. */
  private readonly untitled: Block[] = [];
  private preamble: Segment | null = null;
  private hasTitles = false;

  /** `topic`: what the note is named after (noteTopic), asked when the note has no headings at all. */
  constructor(
    private readonly noteId: string,
    private readonly deckTitle: string,
    private readonly topic: string | null,
    private readonly lines: string[],
    private readonly warn: (line: number, message: string) => void,
  ) {
    this.foldedTitle = foldText(deckTitle);
  }

  addSegment(segment: Segment): void {
    if (segment.skipped) return;
    const kept: Block[] = [];
    for (const node of segment.content) {
      // A collapsed solution of a docs site (`<details>…<pre><code>`) is part of the answer, as its Markdown; any other
      // HTML is not.
      if (node.type === 'html') {
        const markdown = htmlAsMarkdown(node.inline);
        if (markdown) kept.push({ ...node, text: markdown });
        continue;
      }
      if (this.isNoise(node)) continue;
      if (node.type === 'paragraph' && node.parent?.type !== 'item' && this.addExplicit(node, segment)) continue;
      if (segment.glossary && node.type === 'paragraph' && this.addGlossary(node, segment)) continue;
      kept.push(node);
    }
    if (segment.titled) this.hasTitles = true;
    else {
      this.preamble ??= segment;
      this.untitled.push(...kept);
    }
    // A syllabus or a study plan names topics; it teaches none of them.
    if (segment.titled && isSyllabusTitle(segment.title)) return;
    if (segment.titled && !segment.glossary && kept.some((node) => !this.isImageOnly(node))) {
      const title = segment.title;
      if (title && (isQuestionTitle(title) || isTaskStatement(title) || !this.isWalkthrough(title, kept))) {
        const kind: CardKind = isQuestionTitle(title) ? 'question' : 'section';
        // A generic title, or an example's that only numbers it ("Example 2", "Ejemplo 1: Lista de elementos"), is
        // asked with what it belongs to.
        const vague = isGenericTitle(title) || isVagueExampleTitle(title);
        const owner = this.ownerTitle(segment.parent);
        const question = vague && foldText(owner) !== foldText(title) ? qualifiedTitle(owner, title) : title;
        this.addSection(kind, question, kept, segment);
      }
    }
    // An example's fields ("**Rol:** …", "**Formato:** …") illustrate it: they are not topics of their own.
    if (segment.example) return;
    for (const node of kept) {
      // The rest of a label's paragraph is the label's answer: a term that opens it would ask the same card again.
      if (node.type === 'paragraph' && node.parent?.type !== 'item') {
        if (node.text === undefined) this.addTermParagraph(node, segment);
      } else this.addTerms(node, segment);
    }
  }

  /** The cards of every segment added, settled as one note: fields dropped, repeated questions qualified, keys made. */
  finish(): ExtractedCard[] {
    // An index card ("Gini coefficient.md": a definition, no headings): the note is one card, asked by its name.
    if (this.candidates.length === 0 && !this.hasTitles && this.topic && this.preamble && this.untitled.some((node) => !this.isImageOnly(node))) {
      this.addSection('section', this.topic, this.untitled, this.preamble, this.untitled[0]!.start);
    }
    const fields = fieldTerms(this.candidates);
    const kept = this.candidates.filter((c) => !c.term || !fields.has(c.term));

    // A question asked twice is qualified by its topic; a section's own card keeps its name beside a mere term.
    const asked = new Map<string, { sections: number; others: number }>();
    const normalized = kept.map((c) => normalizeKeyText(c.question));
    kept.forEach((c, i) => {
      const count = asked.get(normalized[i]!) ?? { sections: 0, others: 0 };
      if (c.ownSection) count.sections++;
      else count.others++;
      asked.set(normalized[i]!, count);
    });
    const cards: ExtractedCard[] = [];
    const seenKeys = new Map<string, number>();
    kept.forEach((c, i) => {
      let question = c.question.trim();
      let keyText = normalized[i]!;
      const count = asked.get(keyText)!;
      const within = c.ownSection ? c.segment.parent : c.segment;
      const owner = this.specificOwner(within);
      const anchor = owner ? (owner.anchor ??= normalizeKeyText(owner.title)) : '';
      // The same question under two topics ("Uso típico" under two prompts): each is asked with its own topic.
      if (c.ownSection ? count.sections > 1 : count.sections + count.others > 1) {
        const qualified = owner && anchor !== keyText ? requalified(question, owner) : question;
        if (qualified !== question) {
          question = qualified;
          keyText = normalizeKeyText(question);
        }
      }
      let key = cardKey(this.noteId, c.kind, anchor, keyText);
      const seen = seenKeys.get(key) ?? 0;
      seenKeys.set(key, seen + 1);
      if (seen > 0) {
        this.warn(c.line + 1, `duplicate card "${question}" in the same section; the copy is kept as number ${seen + 1}`);
        key = numberedKey(key, seen + 1);
      }
      if (c.answer.length > MAX_ANSWER_CHARS) {
        this.warn(c.line + 1, `answer of "${question}" is ${c.answer.length} characters (over ${MAX_ANSWER_CHARS}); consider splitting it`);
      }
      const context = this.context(c.ownSection ? c.segment.parent : c.segment);
      cards.push({ key, kind: c.kind, question, answer: c.answer, context: c.within ? [...context, c.within] : context, line: c.line + 1, section: `s${c.segment.index}` });
    });
    return cards.sort((a, b) => a.line - b.line);
  }

  /**
   * A section's own card; one over MAX_ANSWER_CHARS is split where its text opens a part of its own (a bold or
   * styled line, a short line ending in ":"), each part asked with the section's title and the part's.
   */
  private addSection(kind: CardKind, question: string, kept: Block[], segment: Segment, line = segment.line): void {
    const whole = this.slice(kept);
    if (whole.length <= MAX_ANSWER_CHARS) {
      this.add(kind, question, whole, line, segment, true);
      return;
    }
    this.parts(kept)
      .flatMap((part) => this.chunks(part, line))
      .forEach((part, i) => {
        const partQuestion = i === 0 || !part.title ? question : qualifiedTitle(question, part.title);
        this.add(i === 0 ? kind : 'section', partQuestion, this.slice(part.blocks), part.blocks[0]!.start, segment, true);
      });
  }

  /**
   * A part still over MAX_ANSWER_CHARS with nothing inside to split it at (a lesson's prose and listings): its first
   * blocks that fit make the answer, and the rest stays in the notes — a warning says so. A single longer block (a
   * listing) stays whole.
   */
  private chunks(part: { title: string | null; blocks: Block[] }, line: number): { title: string | null; blocks: Block[] }[] {
    if (this.slice(part.blocks).length <= MAX_ANSWER_CHARS) return [part];
    const kept: Block[] = [];
    for (const node of part.blocks) {
      if (kept.length > 0 && this.slice([...kept, node]).length > MAX_ANSWER_CHARS) break;
      kept.push(node);
    }
    if (kept.length < part.blocks.length)
      this.warn(line + 1, `a section of ${this.slice(part.blocks).length} characters has nothing to split it at; its card holds its first ${this.slice(kept).length}`);
    return [{ title: part.title, blocks: kept }];
  }

  /**
   * The blocks of a long section in parts, each opening with a sub-title (which becomes its question); a part too
   * short to stand alone joins the one before it. Image-only runs stay with the part they are in.
   */
  private parts(blocks: Block[]): { title: string | null; blocks: Block[] }[] {
    const parts: { title: string | null; blocks: Block[] }[] = [];
    let current: { title: string | null; blocks: Block[] } = { title: null, blocks: [] };
    for (const node of blocks.flatMap(openLongList)) {
      const title = current.blocks.length > 0 ? subTitle(node) : null;
      if (title === null) {
        current.blocks.push(node);
        continue;
      }
      parts.push(current);
      current = { title, blocks: node.type === 'item' ? [node] : [] };
    }
    parts.push(current);
    const merged: typeof parts = [];
    for (const part of parts) {
      const last = merged.at(-1);
      if (part.blocks.length === 0) continue;
      if (last && this.slice(part.blocks).length < SHORT_PART && this.slice([...last.blocks, ...part.blocks]).length <= MAX_ANSWER_CHARS) last.blocks.push(...part.blocks);
      else merged.push(part);
    }
    return merged;
  }

  /** The topic a generic title belongs to: the nearest section with a title of its own, or the deck. */
  private ownerTitle(from: Segment | null): string {
    return this.specificOwner(from)?.title ?? this.deckTitle;
  }

  /** The nearest section, from `from` up, with a title that names a topic. */
  private specificOwner(from: Segment | null): Segment | null {
    for (let s = from; s; s = s.parent) if (s.titled && s.title && !isGenericTitle(s.title)) return s;
    return null;
  }

  /** R4 on a paragraph: `**Indexing:** The external data is…` alone in a paragraph. */
  private addTermParagraph(paragraph: Block, segment: Segment): void {
    const match = matchTerm(paragraph.inline);
    if (!match || !match.definition) return;
    this.addTerm(match, match.definition, paragraph.start, segment);
  }

  private addTerm(match: TermMatch, answer: string, line: number, segment: Segment, within?: string): void {
    const term = cleanTitle(match.term);
    // "**Nota:** …", "**Constraints:** …": a remark inside the answer, not a topic; "**Recurso extra:**" a link;
    // "**Asociado con:**" the start of a sentence.
    // A number alone ("**6:** TCP", in a table of protocol numbers) asks nothing.
    if (!term || isNumberAlone(term) || isCalloutWord(term) || isStatementPart(term) || isSkippedTitle(foldText(term)) || leadsOn(term)) return;
    // Under a question ("¿Dónde queda la imagen? ¿Qué comando la copia?"), "**Ubicación:** …", "**Comando:** …" only
    // name the parts of its answer, which its own card holds.
    // Under "Compare TCP y UDP en cuanto a: a. Confiabilidad", "**TCP:** …" and "**UDP:** …" are the two sides of
    // that one answer, not topics (a term nested under them still is one).
    if (isAskedSegment(segment) && (isGenericTitle(term) || isFacet(term) || asksForExplanation(segment.title) || (within === undefined && asksToCompare(segment.title)))) return;
    if (within !== undefined) {
      if (isGenericTitle(term)) return;
      this.add('term', term, answer, line, segment, false, within, foldText(term));
      return;
    }
    const question = isGenericTitle(term) ? qualifiedTitle(this.ownerTitle(segment), term) : term;
    this.add('term', question, answer, line, segment, false, undefined, foldText(term));
  }

  private isNoise(node: Block): boolean {
    if (node.type === 'html') return true;
    if (node.type === 'heading') return isDecorativeLine(node.inline);
    if (node.type === 'paragraph') {
      const content = paragraphContent(node);
      if (content === 'links' || content === 'empty') return true;
      if (content !== 'text') return false;
      const text = node.inline;
      if (isDecorativeLine(text) || isTagLine(text) || isDateLine(text) || isAboutTheNotes(text)) return true;
      // "Description", "Ejemplo" alone on a line of a pasted page: the name of a part, which the answer shows anyway.
      if (/^[\p{L} ]{1,24}$/u.test(text) && text.trim().split(' ').length <= 2 && isGenericTitle(text)) return true;
      if (isPropertyBlock(text) && previousSibling(node)?.type === 'heading') return true;
      // "**Recurso extra:** Video de YouTube…": a pointer elsewhere, like a section of resources.
      const term = matchTerm(text);
      if (term && isSkippedTitle(foldText(cleanTitle(term.term)))) return true;
      if (isSheetInstruction(text)) return true;
      // "Here are 8 variants:" sounds like chat, but it introduces the list after it.
      return isChatLeftover(text) && !(isListIntro(text) && nextSibling(node)?.type === 'list');
    }
    if (node.type === 'item' && node.children[0]?.type === 'paragraph' && isChecklistItem(node.children[0].inline)) return true;
    if (node.type === 'list' && isTodoList(node)) return true;
    // Containers holding only noise (or nothing, past the nesting limit) are noise; depth is capped at 100.
    if (node.type === 'list' || node.type === 'item' || node.type === 'blockquote') {
      return node.children.every((child) => this.isNoise(child));
    }
    return false;
  }

  /**
   * A section that narrates what to type next: its text opens like a walkthrough ("Ahora…", "Let's…"), or it is a
   * step named by a gerund ("Configurando ESLint") or by the part of the app it builds ("Para la barra de búsqueda,
   * implementaremos…") with the code to type. ("Evaluando nuestra situación financiera", with no code, explains.)
   */
  private isWalkthrough(title: string, kept: Block[]): boolean {
    const hasCode = kept.some((node) => node.type === 'fence' || node.type === 'code');
    if (opensWithGerund(title) && hasCode) return true;
    const first = kept.find((node) => !this.isImageOnly(node));
    if (first?.type !== 'paragraph' || first.text !== undefined) return false;
    return opensWalkthrough(first.inline) || (hasCode && opensBuildStep(first.inline));
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
      const answer = paragraphLines
        .slice(separator + 1)
        .join('\n')
        .trim();
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

  /** R4: term bullets at any depth of a list, item by item; in a list of `Term: definition` items, those too. */
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
    // Under a term bullet ("**Ser específico:**" → "**Ejemplo:** …") a term is part of its parent's answer; one
    // that names a topic of its own is also a card, with its parent in the context.
    const parentItem = item.parent?.parent?.type === 'item' ? item.parent.parent : null;
    const parentTerm = parentItem ? termOf(parentItem) : null;
    this.addTerm(match, answer, item.start, segment, parentTerm ? cleanTitle(parentTerm.term) : undefined);
  }

  /**
   * Contiguous blocks are sliced together so list nesting survives; gaps (skipped blocks) split the answer. A block
   * with a `text` of its own (the rest of a label's paragraph) stands as that text.
   */
  private slice(blocks: Block[]): string {
    const parts: string[] = [];
    const run = { start: -1, end: -1 };
    const flush = () => {
      if (run.start >= 0) parts.push(dedent(this.lines.slice(run.start, run.end)));
      run.start = -1;
    };
    for (const node of blocks) {
      if (node.text !== undefined) {
        flush();
        parts.push(dedent(node.text.split('\n')));
      } else if (run.start >= 0 && node.start <= run.end) run.end = Math.max(run.end, node.end);
      else {
        flush();
        run.start = node.start;
        run.end = node.end;
      }
    }
    flush();
    return parts.filter(Boolean).join('\n\n');
  }

  private add(kind: CardKind, question: string, answer: string, line: number, segment: Segment, ownSection: boolean, within?: string, term?: string): void {
    if (!question.trim() || !answer.trim() || isPlaceholderAnswer(answer) || (question.trimEnd().endsWith('?') && isUnansweredChoice(answer))) return;
    this.candidates.push({ kind, question, answer, line, segment, ownSection, ...(within !== undefined ? { within } : {}), ...(term !== undefined ? { term } : {}) });
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

/**
 * A repeated question asked with its topic: "Uso típico" → "Prompting de formato — uso típico". One that already
 * names that topic (a generic title qualified when it was read, "Knapsack — explanation" twice) stays as it is.
 */
function requalified(question: string, owner: Segment): string {
  return question.startsWith(`${owner.title} — `) ? question : qualifiedTitle(owner.title, question);
}

/**
 * A line that tells the student what to do, not an answer: "Investigue el concepto de paravirtualización y
 * responda:", or after a clause, "Mirando el código anterior, responda lo siguiente:".
 */
function isSheetInstruction(text: string): boolean {
  if (text.includes('\n') || !/[:?]\s*$/.test(text)) return false;
  if (/:\s*$/.test(text) && isInstruction(text)) return true;
  return text.split(/,\s*/).some((clause) => isInstruction(clause)) && leadsOn(text.replace(/\?\s*$/, ''));
}

function isAskedSegment(segment: Segment): boolean {
  return (segment.asks ??= segment.titled && (segment.title.includes('?') || isTaskStatement(segment.title)));
}

/** Words that name an aspect of something asked about, never a topic: "Funcionalidad", "Comando", "Propósito". */
const FACETS = new Set(
  (
    'funcionalidad funcion utilidad proposito finalidad comando comandos ubicacion reubicacion compatibilidad diferencia ' +
    'diferencias diferencia principal resumido motivo motivos razon razones rol uso ' +
    'functionality function purpose command commands location compatibility difference differences reason reasons role'
  ).split(' '),
);

/**
 * "¿Por qué?", "¿Qué sucede ahora?", "What happens when…?", "¿Qué conclusión puede sacar…?": a question answered by an
 * explanation. Its bold points ("**Aislamiento total:** …", "**Respuesta con RST:** …") are the steps and reasons of
 * that one answer, which its card holds; a question that asks for kinds ("¿Qué tipos…?", "¿Cuándo pertenece a P, a NP
 * o a EXP? ¿Por qué…?") is answered by terms of their own.
 */
const EXPLANATION_ASKED = /(?:^|[¿\s])(?:por que|que sucede|que pasa|que paso|que ocurre|que observa|que conclusion|why|what happens|what happened)(?![a-z])/;

function asksForExplanation(question: string): boolean {
  return EXPLANATION_ASKED.test(firstQuestion(question));
}

/** "Compare TCP y UDP en cuanto a: …", "Contrast X with Y". */
const COMPARISON_ASKED = /^¿?\s*(?:compare|compara|comparar|contraste|contrast)(?![a-z])/;

function asksToCompare(question: string): boolean {
  return COMPARISON_ASKED.test(firstQuestion(question));
}

/**
 * The first question of several, folded: it asks for what the points answer ("¿Qué versiones hay? ¿Por qué?": the
 * versions; "¿Qué es una imagen? ¿Y un contenedor? ¿Cuál es la diferencia…?": what each is).
 */
function firstQuestion(question: string): string {
  const opened = Math.max(0, question.indexOf('¿'));
  const closed = question.indexOf('?', opened);
  return foldText(question.slice(opened, closed > opened ? closed : opened + 200)).replace(/^\s+/, '');
}

function isFacet(term: string): boolean {
  const first =
    foldText(term)
      .split(/[^a-z]+/)
      .find(Boolean) ?? '';
  return FACETS.has(first) && term.split(/\s+/).length <= 2 && !term.includes('`');
}

/**
 * Terms that are the fields of a page's sections rather than topics: "**Mito:** … **Realidad:** …" under every
 * heading, or "**Rol:** …" under every item of a list. A term recurs as a field when it is in three places or more, or in
 * two beside another recurring term.
 */
function fieldTerms(candidates: readonly Candidate[]): Set<string> {
  // A place is a section, or a term bullet within it: "**Rol:**" under every process of a list is a field too.
  const sections = new Map<string, Set<string>>();
  for (const c of candidates) if (c.term) sections.set(c.term, (sections.get(c.term) ?? new Set()).add(`${c.segment.index}/${c.within ?? ''}`));
  const recurring = [...sections].filter(([, where]) => where.size >= 2);
  const fields = new Set<string>();
  for (const [term, where] of recurring) {
    const partner = recurring.some(([other, elsewhere]) => other !== term && [...where].filter((s) => elsewhere.has(s)).length >= 2);
    if (where.size >= 3 || partner) fields.add(term);
  }
  return fields;
}

/** The term of an item: `**Term:** definition`, or `Term: definition` in a list where most items are so written. */
/** Asked of an item for its own card and again for each item nested in it: matched once. */
const itemTerms = new WeakMap<Block, TermMatch | null>();

function termOf(item: Block): TermMatch | null {
  let match = itemTerms.get(item);
  if (match === undefined) {
    const first = item.children[0];
    match = first?.type !== 'paragraph' ? null : (matchTerm(first.inline) ?? (isPlainTermList(item.parent) ? matchPlainTerm(first.inline) : null));
    itemTerms.set(item, match);
  }
  return match;
}

const plainTermLists = new WeakMap<Block, boolean>();

/** "- Multi-query: genera varias consultas", "- Branched RAG — consulta varias fuentes": most items, two at least. */
function isPlainTermList(list: Block | null): boolean {
  if (!list || list.type !== 'list') return false;
  let known = plainTermLists.get(list);
  if (known === undefined) {
    const items = list.children.filter((item) => item.children[0]?.type === 'paragraph');
    const terms = items.filter((item) => matchPlainTerm(item.children[0]!.inline) !== null).length;
    known = items.length >= 2 && terms * 3 >= items.length * 2;
    plainTermLists.set(list, known);
  }
  return known;
}

/** A long list, as its items: in a section too long for one card, each item may open a part of its own. */
function openLongList(node: Block): Block[] {
  return node.type === 'list' && node.end - node.start > 15 ? node.children : [node];
}

/**
 * A block that opens a part of a long section: a heading inside it, a line in bold or styled letters, a short
 * line ending in ":", or a list item that starts with its name in bold ("* **Creacionales**. Proveen…").
 */
function subTitle(node: Block): string | null {
  if (node.type === 'heading') {
    const title = cleanTitle(node.inline);
    return title && !isCalloutWord(title) && !isStatementPart(title) && !readsAsSentence(title) ? title : null;
  }
  if (node.type === 'item') {
    const first = node.children[0];
    const named = first?.type === 'paragraph' ? /^(\*\*|__)([^*_\n]{1,60}?)\1/.exec(first.inline.trim()) : null;
    return named ? cleanTitle(named[2]!) || null : null;
  }
  if (node.type !== 'paragraph' || node.inline.includes('\n')) return null;
  const text = node.inline.trim();
  const title = cleanTitle(text);
  if (!title || title.split(/\s+/).length > 12 || readsAsSentence(text)) return null;
  if (boldText(text) !== null || hasStyledLetters(text) || isLabel(text)) return title;
  return null;
}
