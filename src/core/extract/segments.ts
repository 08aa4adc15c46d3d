/** A note split into segments: one per heading (wherever CommonMark put it), label or thematic break. */
import { walk, type Block } from '../blocks.ts';
import { foldText } from '../text.ts';
import { isGlossaryTitle } from './glossary.ts';
import { summaryQuestion } from './html.ts';
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
  askedPart,
  isInstruction,
  isLabel,
  leadsOn,
  isQuestionTitle,
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
  /** Computed once per segment: its title asks something (a question, a task). */
  asks?: boolean;
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
  // Arrow and bullet-character lines ("→ …", "• …") are the list of the label above them; a bulleted question of a
  // sheet ("• ¿Qué comando…?") opens a card of its own.
  if ((ARROW_LINE.test(text) && !(BULLETED.test(text) && isBulletedQuestion(node))) || isDecorativeLine(text)) return null;
  // Prose: past a sheet's statements, every rule asks for a line of at most twelve words, a question or a label,
  // and most paragraphs are none of them: they are decided without the costlier tests.
  const prose = !ENDS_ASKING.test(text) && OVER_LABEL_WORDS.test(text);
  const title = prose ? text : cleanTitle(text);
  if (!title || isChatLeftover(text)) return null;
  if (exerciseStatement(text) !== null || subQuestion(text) !== null) return 'label';
  // "d. En el ejemplo 2 la regla … ¿Por qué es esto?": a lettered item of a sheet, asked over several lines.
  if (LETTERED.test(text) && isTaskStatement(taskLine(text).question)) return 'label';
  if (opensWithStatement(text)) return 'label';
  // "Compare TCP y UDP en cuanto a: b. Multiplexación.", above the list that answers it.
  if (nextSibling(node)?.type === 'list' && isAskingAboutAspect(text)) return 'label';
  // "● ¿Cuántos contenedores se instancian? Dos.": a sheet's bulleted question, answered after it or on its line.
  if (BULLETED.test(text) && isBulletedQuestion(node)) return 'label';
  if (prose) return null;
  if (joinsTheAnswer(title) || isExampleTitle(title)) return null;
  if (isLabel(text)) return 'label';
  // "Entonces, ¿qué sí es un agente?" alone in a paragraph, with its answer after it.
  if (!text.includes('\n') && text.endsWith('?') && title.split(/\s+/).length <= 30 && nextSibling(node) !== undefined) return 'label';
  // The same question wrapped as it was pasted from a sheet ("En otra terminal, mire el uso de CPU. ¿Cuánto\nrecibe
  // cada proceso?"), under a step's heading that only names it: the statement is the question.
  if (isWrappedQuestion(text, title) && nextSibling(node) !== undefined && previousSibling(node)?.type === 'heading') return 'label';
  // A line in styled letters (𝗘𝗺𝗯𝗲𝗱𝗱𝗶𝗻𝗴𝘀) is a bold label written another way.
  if (!text.includes('\n') && hasStyledLetters(text) && title.split(/\s+/).length <= LABEL_WORDS && !title.endsWith('.')) return 'label';
  const bold = boldText(text);
  if (bold === null) return null;
  // "**¿Qué es Prompting?**" used as a heading, and "**Los 5 principios**" right above its list.
  if (bold.endsWith('?')) return 'label';
  if (bold.split(/\s+/).length <= LABEL_WORDS && !bold.endsWith('.') && !leadsOn(bold) && nextSibling(node)?.type === 'list') return 'label';
  return null;
}

/**
 * A question of two or three lines that ends the paragraph: its last sentence asks ("¿…?", "What…?"), so a wrapped
 * statement of a sheet, not prose that happens to end in a question mark.
 */
function isWrappedQuestion(text: string, title: string): boolean {
  const lineCount = text.split('\n').length;
  if (lineCount < 2 || lineCount > 3 || !text.endsWith('?') || title.split(/\s+/).length > 45) return false;
  const lastSentence = title.split(/(?<=[.!:])\s+/).at(-1)!;
  return lastSentence.includes('¿') || isQuestionTitle(lastSentence.replace(/\?$/, ''));
}

/** The longest line a label may be (in bold or styled letters, above its list). */
const LABEL_WORDS = 12;
/** More words than a label has, counted without splitting the paragraph. */
const OVER_LABEL_WORDS = new RegExp(`^\\s*(?:\\S+\\s+){${LABEL_WORDS}}\\S`);
/** Ends on a question mark or a colon, in bold or not: a question, or a label of any length ("**… :**"). */
const ENDS_ASKING = /[?:](?:\*\*|__)?$/;

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

/**
 * "Investigue sobre contenedores y responda:\n(a) ¿Qué son?": a sheet's instruction, then its first lettered
 * question — which is the label; the instruction goes.
 */
function subQuestion(text: string): string | null {
  const firstBreak = text.indexOf('\n');
  if (firstBreak < 0 || !isInstruction(text.slice(0, firstBreak))) return null;
  const last = text.slice(text.lastIndexOf('\n') + 1).trim();
  return /^(?:\(?[a-z]\)|[a-z]\.)\s+/.test(last) && isTaskStatement(last) ? cleanTitle(last) : null;
}

/**
 * "Investigue qué es el MSS. ¿Cuándo y cómo se negocia?" on a paragraph's first line, and its answer on the lines
 * after it, with no blank line between them: a practice sheet answered in place.
 */
function opensWithStatement(text: string): boolean {
  const firstBreak = text.indexOf('\n');
  if (firstBreak < 0) return false;
  const line = text.slice(0, firstBreak).trimEnd();
  const first = exerciseStatement(line) || line;
  // Decided on the first line alone for most paragraphs: it neither asks nor instructs. A line that only ends in
  // "?" ("…tipo: sos idiota?") is an aside; a question opens like one ("¿…", "What…", "En base a esto, ¿qué…?").
  const asks = first.endsWith('?') && (first.includes('¿') || isQuestionTitle(first.replace(/\?$/, '')));
  if (!asks && !isInstruction(first)) return false;
  const { question, rest, endsLine } = taskLine(text);
  // The question must end its line: "¿Por qué? Porque…" goes on explaining; it asks nothing of the reader.
  return endsLine && rest !== '' && isTaskStatement(question);
}

const ARROW_LINE = /^(?:→|➜|➔|➤|⇒|•|·|▪|‣|◦|->|=>)\s*/;

/** The first paragraph of an item of a numbered task list, asking something: a practice sheet's exercise. */
function isTaskItem(paragraph: Block): boolean {
  const item = paragraph.parent!;
  const list = item.parent;
  if (item.children[0] !== paragraph || !list || list.type !== 'list' || !/^[.)]$/.test(item.markup)) return false;
  // "Hints:\n1. Think about two letters.\n2. Can we count them in one pass?": hints toward a task, not tasks.
  const intro = previousSibling(list);
  if (intro?.type === 'paragraph' && isCalloutWord(cleanTitle(intro.inline))) return false;
  return isTaskStatement(taskLine(paragraph.inline).question);
}

/**
 * A task's statement is its first line and the lines that carry on its sentence (a statement pasted with hard line
 * breaks, "…tal que:", "Ayuda: …", "Probar que…"); the lines after it (an answer written without a blank line) and,
 * on the statement's last line, text after its question mark, are its answer.
 */
function taskLine(inline: string): { question: string; rest: string; endsLine: boolean } {
  const lines = inline.split('\n');
  let asking = 1;
  while (asking < lines.length && asking < MAX_STATEMENT_LINES && carriesOn(lines[asking - 1]!, lines[asking]!)) asking++;
  const first = lines.slice(0, asking).join(' ');
  const more = lines.slice(asking);
  const asked = /^(.*?\?)\s+(\S.*)$/.exec(first);
  const question = asked && !asked[2]!.startsWith('¿') && !carriesOnWords(asked[2]!) ? asked[1]! : first;
  const endsLine = question === first;
  const rest = [endsLine ? '' : asked![2]!, ...more].filter((line) => line.trim()).join('\n');
  return { question, rest, endsLine };
}

const MAX_STATEMENT_LINES = 8;
/** Lines that go on with a statement: its instructions, hints and comments ("Probar que…", "Ayuda: …"). */
const STATEMENT_WORDS =
  /^(probar|pruebe|encontrar|encuentre|construir|construya|dar|de|mostrar|muestre|explicar|justificar|escribir|decidir|ayuda|comentario|hint|prove|find|build|show)(?![\p{L}\p{N}])/u;

function carriesOnWords(line: string): boolean {
  const folded = foldText(line.trim().slice(0, 120));
  return isInstruction(line) || STATEMENT_WORDS.test(folded);
}

/** A line cut after a word that cannot end a sentence ("…similitudes del", "…the value of"). */
const DANGLING_END = /\s(?:de|del|la|el|los|las|un|una|y|o|en|que|con|por|para|a|al|the|of|and|or|in|to|for|with|an|a)$/;

/** "a. getpid(): Retorna el PID…": a lettered item that names a thing and answers for it. */
const LETTERED_ANSWER = /^(?:\(?[a-z]\)|[a-z]\.)\s+[^:?¿]{1,60}:\s+\S/;

/** "a. …", "(b) …", "iii. …": the next item of a statement, asked or answered on its own. */
const LETTERED = /^(?:\(?[a-z]\)|[a-z]\.|[ivx]+\.)\s/;

/** An option marked as the right one: bold, a tick, "(correcta)", "← answer". */
const MARKED_OPTION = /\*\*|__|[✓✔✅☑]|\[x\]|\b(?:correct[ao]?|right|respuesta|answer|verdadera?|true)\b/i;

/**
 * "¿Qué prefieres?" answered only by "a) …" and "b) …": a choice with none of its options marked is a poll, or a quiz
 * whose key is somewhere else. It asks nothing a reader could check.
 */
export function isUnansweredChoice(answer: string): boolean {
  const lines = answer
    .split('\n')
    .map((line) => line.trim().replace(/^[-*+]\s+/, ''))
    .filter(Boolean);
  return lines.length >= 2 && lines.every((line) => LETTERED.test(line) && !LETTERED_ANSWER.test(line) && !MARKED_OPTION.test(line));
}

/**
 * The statement goes on when the next line asks or instructs more, or when a long line with no question in it stops
 * mid-sentence and the next one carries on in lower case (a statement pasted with hard line breaks).
 */
function carriesOn(previous: string, next: string): boolean {
  const line = next.trim();
  const before = previous.trim();
  if (line.endsWith('?') || carriesOnWords(line)) return true;
  // "Responda:" then "a. ¿…?": the first item is what is asked (askedPart takes it). "Investigue los comandos:" then
  // "a. systemctl enable: Configura…" lists the answers.
  if (LETTERED.test(line)) return before.endsWith(':') && !LETTERED_ANSWER.test(line);
  if (before.includes('?') || before.length < 50) return false;
  return (/[\p{L}\p{N},:)]$/u.test(before) && /^\p{Ll}/u.test(line)) || DANGLING_END.test(foldText(before));
}

/** An exercise named by its topic ("virtualización") whose next paragraph asks the task about it. */
function isStatementAfterTopic(topic: string, paragraph: string): boolean {
  return topic.split(/\s+/).length <= 4 && isTaskStatement(taskLine(paragraph).question);
}

export function nextSibling(node: Block): Block | undefined {
  const siblings = node.parent?.children ?? [];
  return siblings[siblings.indexOf(node) + 1];
}

export function previousSibling(node: Block): Block | undefined {
  const siblings = node.parent?.children ?? [];
  return siblings[siblings.indexOf(node) - 1];
}

/**
 * "Procesos\na. ¿Para qué sirve fork()?\n\tPara…\nb. ¿…?\n\t…": lettered questions of a sheet, each answered on the
 * indented lines under it. CommonMark reads them as one paragraph (indented lines carry a paragraph on); they are a
 * paragraph per question, so that each is a label with its own answer.
 */
const INDENTED = /^[ \t]+\S/;
/**
 * "● ¿Para qué sirve X?": a question of a sheet pasted from a PDF, under its bullet. The bullet opens a question of
 * its own, whether its answer is indented under it or not.
 */
const BULLETED = /^[●○■◆▪◦•][ \t]*\S/;
const BULLETED_LINE = /\n[●○■◆▪◦•]/;

function splitQuestionsAnsweredInPlace(root: Block): void {
  const children: Block[] = [];
  for (const node of root.children) {
    if (node.type !== 'list') {
      children.push(...(node.type === 'html' ? splitAtDetails(node) : splitParagraph(node)));
      continue;
    }
    const intro = children.at(-1);
    const instruction = intro?.type === 'paragraph' ? enumerationInstruction(intro.inline) : null;
    const parts = instruction === null ? [node] : aspectsCarriedInto(node, root, instruction);
    for (const part of parts) children.push(part, ...(part.type === 'list' ? questionsCarriedAfter(part, root) : []));
  }
  root.children = children;
}

/**
 * "Compare TCP y UDP en cuanto a:\na. Confiabilidad": an instruction that enumerates the aspects it asks about, the
 * first of them on its last line, answered by the list below it. Returns the instruction, or null.
 */
function enumerationInstruction(text: string): string | null {
  const lines = text.trim().split('\n');
  const instruction = lines.slice(0, -1).join(' ').trim();
  return lines.length >= 2 && instruction.endsWith(':') && isInstruction(instruction) && isAspect(lines.at(-1)!, 'a') ? instruction : null;
}

function isAskingAboutAspect(text: string): boolean {
  const joined = text.replace(/\s*\n\s*/g, ' ');
  const split = /^(.*:)\s+(\(?([a-z])[.)]\s+\S.*)$/.exec(joined);
  return split !== null && isInstruction(split[1]!) && isAspect(split[2]!, split[3]!);
}

/** "b. Multiplexación.": the next lettered aspect of an enumeration, a few words naming it. */
function isAspect(line: string, letter: string): boolean {
  const match = /^\(?([a-z])[.)]\s+(\S.*)$/.exec(line.trim());
  return match !== null && match[1] === letter && !match[2]!.includes('?') && match[2]!.split(/\s+/).length <= 6;
}

/**
 * The list under an enumeration's instruction, with the next aspects ("b. Multiplexación.") carried into its items as
 * lazy continuation lines: the list is cut at each of them, and each opens a paragraph that asks the instruction
 * about that aspect ("Compare TCP y UDP en cuanto a: b. Multiplexación.").
 */
function aspectsCarriedInto(list: Block, root: Block, instruction: string): Block[] {
  const parts: Block[] = [];
  let letter = 'b';
  let items: Block[] = [];
  const listOf = (members: Block[], end: number): Block => {
    const part: Block = { ...list, start: members[0]!.start, end, children: members };
    for (const item of members) item.parent = part;
    return part;
  };
  for (const item of list.children) {
    items.push(item);
    const chain = lastParagraphChain(item);
    const paragraph = chain.at(-1);
    if (paragraph?.type !== 'paragraph') continue;
    const lines = paragraph.inline.split('\n');
    const at = lines.findIndex((line, i) => i > 0 && isAspect(line, letter));
    if (at < 0) continue;
    const [kept, carried] = cutLines(paragraph, lines, [0, at]);
    paragraph.parent!.children[paragraph.parent!.children.length - 1] = kept!;
    for (const node of chain.slice(0, -1)) node.end = Math.min(node.end, kept!.end);
    parts.push(listOf(items, kept!.end), { ...carried!, inline: `${instruction} ${carried!.inline}`, parent: root });
    items = [];
    letter = String.fromCharCode(letter.charCodeAt(0) + 1);
  }
  if (items.length > 0) parts.push(listOf(items, list.end));
  return parts;
}

/** An item, and down its last children through nested lists, the blocks that end where it ends. */
function lastParagraphChain(item: Block): Block[] {
  const chain: Block[] = [item];
  for (let last = item.children.at(-1); last; last = last.type === 'list' || last.type === 'item' ? last.children.at(-1) : undefined) chain.push(last);
  return chain;
}

/** Collapsed blocks written one after the other with no blank line are one HTML block: a block per `<details>`. */
function splitAtDetails(node: Block): Block[] {
  const lines = node.inline.split('\n');
  const cuts = [0];
  for (let i = 1; i < lines.length; i++) if (/^\s*<details[\s>]/i.test(lines[i]!)) cuts.push(i);
  return cutLines(node, lines, cuts);
}

/** `node` as one block for each run of its lines from a cut to the next (`cuts` ascending, the first at 0). */
function cutLines(node: Block, lines: readonly string[], cuts: readonly number[], changes: Partial<Block> = {}): Block[] {
  if (cuts.length === 1 && cuts[0] === 0) return [node];
  return cuts.map((from, k) => {
    const to = cuts[k + 1] ?? lines.length;
    return { ...node, ...changes, start: node.start + from, end: node.start + to, inline: lines.slice(from, to).join('\n') };
  });
}

/** Line `i` opens a question of a sheet (a task statement, as taskLine reads it from there on). */
function asksAt(lines: readonly string[], i: number): boolean {
  // taskLine reads a statement from its first MAX_STATEMENT_LINES lines at most: no need to join the rest.
  return isTaskStatement(taskLine(lines.slice(i, i + MAX_STATEMENT_LINES).join('\n')).question);
}

/**
 * "- **WordPress:** Expone el puerto 80.\n● ¿Qué servicio se publica?", "- AAAA\nb. ¿Es una respuesta autoritativa?": a
 * sheet's next question right under a list is carried into its last item (a lazy continuation line); it opens a
 * paragraph of its own after the list, and so does every question of the sheet after it.
 */
function questionsCarriedAfter(list: Block, root: Block): Block[] {
  const chain: Block[] = [list];
  let paragraph: Block | undefined;
  for (let node: Block | undefined = list; node?.type === 'list';) {
    const item: Block | undefined = node.children.at(-1);
    if (!item) return [];
    chain.push(item);
    const last: Block | undefined = item.children.at(-1);
    if (last?.type === 'paragraph') paragraph = last;
    node = last;
    if (last?.type === 'list') chain.push(last);
  }
  if (!paragraph || !paragraph.inline.includes('\n')) return [];
  const lines = paragraph.inline.split('\n');
  const cuts: number[] = [];
  for (let i = 1; i < lines.length; i++) if ((BULLETED.test(lines[i]!) || LETTERED.test(lines[i]!)) && asksAt(lines, i)) cuts.push(i);
  if (cuts.length === 0) return [];
  const [kept, ...moved] = cutLines(paragraph, lines, [0, ...cuts]);
  const item = chain.at(-1)!;
  item.children[item.children.length - 1] = kept!;
  for (const node of chain) node.end = Math.min(node.end, kept!.end);
  return moved.map((part) => ({ ...part, parent: root }));
}

function isBulletedQuestion(paragraph: Block): boolean {
  const { question, rest } = taskLine(paragraph.inline.trim());
  return /\?$/.test(question) && isTaskStatement(question) && (rest !== '' || nextSibling(paragraph) !== undefined);
}

/** A root paragraph cut where a lettered or bulleted question of a sheet starts (see BULLETED, INDENTED). */
function splitParagraph(node: Block): Block[] {
  if (node.type !== 'paragraph' || !(/\n[ \t]/.test(node.inline) || BULLETED_LINE.test(node.inline))) return [node];
  const lines = node.inline.split('\n');
  const cuts = [0];
  for (let i = 1; i < lines.length; i++) {
    if (BULLETED.test(lines[i]!)) {
      if (asksAt(lines, i)) cuts.push(i);
      continue;
    }
    if (i === lines.length - 1 || !LETTERED.test(lines[i]!)) continue;
    // The question may wrap onto a line or two before its indented answer.
    const last = [i, i + 1, i + 2].find((j) => j + 1 < lines.length && !INDENTED.test(lines[j]!) && INDENTED.test(lines[j + 1]!));
    if (last !== undefined && isTaskStatement(lines.slice(i, last + 1).join(' '))) cuts.push(i);
  }
  return cutLines(node, lines, cuts, { children: [] });
}

/** Splits the note at headings (wherever CommonMark put them), labels and thematic breaks. */
export function segmentNote(root: Block, lineCount: number): Segment[] {
  splitQuestionsAnsweredInPlace(root);
  const preamble = segment(0, '', false, 0, -1, 0, null);
  const segments: Segment[] = [preamble];
  const open: Segment[] = [];
  let topLevel = 7;
  for (const node of walk(root)) if (node.type === 'heading') topLevel = Math.min(topLevel, node.level);

  // isBoundary looks at siblings for bold labels: decide once, and let assignContent reuse the answer.
  const boundaries = new Set<Block>();
  const labelBodies: { segment: Segment; body: Block }[] = [];
  let skipNext = false;
  // Statements taken as the title of the exercise above them.
  const consumed = new Set<Block>();
  // Inside an example ("## Ejemplo", "## Template"), headings below it are part of the example, not topics.
  let exampleLevel = 0;
  for (const node of walk(root)) {
    const summary = node.type === 'html' && node.parent?.type === 'root' ? summaryQuestion(node.inline) : null;
    if (node.type === 'html' && node.parent?.type === 'root' && !summary) {
      skipNext = SKIP_MARKER.test(node.inline || '') || skipNext;
      continue;
    }
    if (consumed.has(node)) continue;
    let kind = summary ? 'label' : isBoundary(node);
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
    const task =
      node.parent?.type === 'item' || (kind === 'label' && (LETTERED.test(node.inline.trim()) || BULLETED.test(node.inline.trim()) || opensWithStatement(node.inline.trim())))
        ? taskLine(node.inline)
        : null;
    const asked = subQuestion(node.inline.trim());
    let title =
      summary?.question ??
      callout ??
      asked ??
      (task ? cleanTitle(exerciseStatement(task.question) || askedPart(task.question)) : statement === null ? cleanTitle(node.inline) : statement);
    let bodyStart = node.end;
    // A callout's or a task's answer may share the paragraph of its first line: it is the label's content.
    const body = summary ? summary.rest : callout && node.end - node.start > 1 ? node.inline.split('\n').slice(1).join('\n') : task?.rest;
    // (A summary's rest is Markdown: it stands as a paragraph.)
    let rest: Block | null = body ? { ...node, type: 'paragraph', inline: body, text: body, children: [] } : null;
    // "Ejercicio 5." alone, or "Ej 1 - virtualización" above "Defina virtualización…": the paragraph after it is the
    // statement.
    const next = nextSibling(node);
    if (statement !== null && next?.type === 'paragraph' && (statement === '' || isStatementAfterTopic(statement, next.inline))) {
      const text = next.inline.trim();
      const sub = subQuestion(text);
      // An answer written on the line after the statement, with no blank line between them, is the answer.
      const { question, rest: answer } = sub === null ? taskLine(text) : { question: text, rest: '' };
      title = sub ?? (exerciseStatement(question) || askedPart(cleanTitle(question)));
      if (answer) rest = { ...next, inline: answer, text: answer, children: [] };
      boundaries.add(next);
      consumed.add(next);
      bodyStart = next.end;
    }
    // A statement wrapped over lines, as pasted from a sheet, is asked on one.
    if (kind === 'label') title = title.replace(/[ \t]*\n\s*/g, ' ');
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

function segment(index: number, title: string, titled: boolean, level: number, line: number, bodyStart: number, parent: Segment | null): Segment {
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
