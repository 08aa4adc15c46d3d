/** The word lists and patterns behind the card rules. Matching is on accent-folded, lower-case text. */
import { foldText } from './text.ts';

const QUESTION_WORDS = [
  'que', 'como', 'por que', 'porque', 'cual', 'cuales', 'cuando', 'donde', 'quien', 'quienes', 'para que',
  'what', 'how', 'why', 'when', 'where', 'who', 'which',
];

const SKIPPED_SECTIONS = [
  'recursos', 'referencias', 'bibliografia', 'enlaces', 'ver tambien', 'fuentes',
  'resources', 'references', 'see also', 'further reading',
];

const GLOSSARY_SECTIONS = ['terminos', 'glosario', 'definiciones', 'vocabulario', 'glossary', 'terms'];

function startsWithWord(folded: string, words: readonly string[]): boolean {
  return words.some((word) => folded === word || folded.startsWith(word + ' ') || folded.startsWith(word + ','));
}

export function isQuestionTitle(title: string): boolean {
  const trimmed = title.trim();
  if (trimmed.endsWith('?')) return true;
  const folded = foldText(trimmed.replace(/^[¿¡"'“«(*_\s]+/, ''));
  return startsWithWord(folded, QUESTION_WORDS);
}

/** Words that may follow a skipped title without making it a topic: "Recursos útiles", "Links and references". */
const SKIP_QUALIFIERS = new Set(
  ('utiles util de interes adicionales recomendados recomendadas externos externas relacionados relacionadas otros otras ' +
    'y e and & useful additional recommended external related other more mas links enlaces referencias recursos fuentes ' +
    'bibliografia resources references sources reading lectura lecturas').split(' '),
);

/**
 * Takes an accent-folded title (foldText). "Recursos", "Recursos útiles" or "References and links" are skipped;
 * "Enlaces químicos" (chemical bonds) is a topic, not a list of links.
 */
export function isSkippedTitle(folded: string): boolean {
  const title = folded.replace(/[^a-z0-9& ]+/g, ' ').replace(/\s+/g, ' ').trim();
  const phrase = SKIPPED_SECTIONS.find((p) => title === p || title.startsWith(p + ' '));
  if (!phrase) return false;
  return title.slice(phrase.length).trim().split(' ').every((word) => word === '' || SKIP_QUALIFIERS.has(word));
}

/** Takes an accent-folded title (foldText). */
export function isGlossaryTitle(folded: string): boolean {
  return GLOSSARY_SECTIONS.includes(folded);
}

/** Heading or label text as a question: emphasis markers and a trailing colon removed. */
export function cleanTitle(raw: string): string {
  let text = raw.trim();
  for (;;) {
    const unwrapped = text.replace(/^(\*\*|__)(.*)\1$/s, '$2').trim().replace(/:$/, '').trim();
    if (unwrapped === text) break;
    text = unwrapped;
  }
  return text.replace(/(\*\*|__)/g, '').replace(/\s*:$/, '').trim();
}

const BOLD_LABEL = /^(\*\*|__)([^*_\n][^\n]*?)\1\s*(:?)$/;
const PLAIN_LABEL = /^[^\s*_#>`[\]()!][^\n]*:$/;

/** A paragraph that is a label: wholly bold and ending in `:`, or plain text of at most three words ending in `:`. */
export function isLabel(inline: string): boolean {
  const text = inline.trim();
  const bold = BOLD_LABEL.exec(text);
  if (bold) return bold[3] === ':' || bold[2]!.trim().endsWith(':');
  return PLAIN_LABEL.test(text) && text.split(/\s+/).length <= 3 && !text.includes('::');
}

export interface TermMatch {
  term: string;
  definition: string;
}

const TERM_PATTERNS = [
  /^\*\*([^*\n]{1,120}?)\s*:\s*\*\*[ \t]*(.*)$/s,
  /^\*\*([^*\n]{1,120}?)\*\*[ \t]*:[ \t]*(.*)$/s,
  /^__([^_\n]{1,120}?)\s*:\s*__[ \t]*(.*)$/s,
  /^__([^_\n]{1,120}?)__[ \t]*:[ \t]*(.*)$/s,
];

/** `**Term:** definition`, `**Term**: definition` or `__Term__: definition`. */
export function matchTerm(inline: string): TermMatch | null {
  for (const pattern of TERM_PATTERNS) {
    const match = pattern.exec(inline.trim());
    if (match && match[1]!.trim()) return { term: match[1]!.trim(), definition: match[2]!.trim() };
  }
  return null;
}

const GLOSSARY_LINE = [/^\(([^()\n]{1,120})\)\s*:\s+(.+)$/, /^([^():\n[\]*_`]{1,80}?)\s*:\s+(.+)$/];

/** `Term: definition` or `(Term): definition`, one per line, under a glossary label. */
export function matchGlossaryLine(line: string): TermMatch | null {
  for (const pattern of GLOSSARY_LINE) {
    const match = pattern.exec(line.trim());
    if (match) return { term: match[1]!.trim(), definition: match[2]!.trim() };
  }
  return null;
}

export interface ExplicitMatch {
  question: string;
  answer: string;
  bothWays: boolean;
}

const IDENTIFIER = /[A-Za-z0-9_]/;

/**
 * `Question::Answer` or `Question:::Answer` on one line. Colons inside code spans, links or autolinks do not count,
 * nor a `::` with identifier characters on both sides (`std::vector`).
 */
export function matchExplicitLine(line: string): ExplicitMatch | null {
  const masked = maskCodeAndLinks(line);
  let from = 0;
  for (;;) {
    const at = masked.indexOf('::', from);
    if (at < 0) return null;
    let end = at;
    while (masked[end] === ':') end++;
    const run = end - at;
    const before = masked[at - 1] ?? ' ';
    const after = masked[end] ?? ' ';
    if ((run === 2 || run === 3) && !(IDENTIFIER.test(before) && IDENTIFIER.test(after))) {
      const question = line.slice(0, at).trim();
      const answer = line.slice(end).trim();
      if (question && answer) return { question, answer, bothWays: run === 3 };
    }
    from = end;
  }
}

function maskCodeAndLinks(line: string): string {
  const blank = (m: string) => ' '.repeat(m.length);
  return line
    .replace(/(`+)[^`]*?\1/g, blank)
    .replace(/!?\[[^\]]*\]\([^)]*\)/g, blank)
    .replace(/<[a-z][a-z0-9+.-]*:[^>\s]*>/gi, blank)
    .replace(/\b[a-z][a-z0-9+.-]*:\/\/\S+/gi, blank);
}
