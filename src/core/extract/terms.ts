/**
 * R4 — term bullets and paragraphs: `**Term:** definition`, `**Term**: definition`, `__Term__: definition`, a term in
 * styled letters (`𝗧𝗼𝗸𝗲𝗻 — …`), and — in lists where most items are so written — plain `Term: definition`.
 */
import { foldText } from '../text.ts';
import { PREDICATE_START, hasStyledLetters, stripDecoration } from './titles.ts';

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

/** A term in styled letters, then `:`, `—`, `–` or an arrow: `𝗧𝗼𝗸𝗲𝗻𝘀: …`, `𝟭. 𝗥𝗔𝗚 — …`. */
const STYLED_TERM = /^((?:[\u{1D400}-\u{1D7FF}]|[ \t\d.,()'’&/+-])*[\u{1D400}-\u{1D7FF}](?:[\u{1D400}-\u{1D7FF}]|[ \t\d.,()'’&/+-])*?)\s*(?::|—|–|->|→)\s*(.*)$/su;

/** `**Term:** definition`, `**Term**: definition` or `__Term__: definition` (also after a leading emoji). */
export function matchTerm(inline: string): TermMatch | null {
  const text = stripDecoration(inline.trim());
  for (const pattern of TERM_PATTERNS) {
    const match = pattern.exec(text);
    if (match && match[1]!.trim()) return { term: match[1]!.trim(), definition: match[2]!.trim() };
  }
  if (hasStyledLetters(text)) {
    const styled = STYLED_TERM.exec(text);
    if (styled && styled[1]!.trim()) return { term: styled[1]!.normalize('NFKC').trim(), definition: styled[2]!.trim() };
  }
  return null;
}

/**
 * `Multi-query: genera varias consultas…`, `Branched RAG — consulta varias fuentes`, `Chunk -> un trozo`: a short
 * term (at most five words, no sentence of its own) before a separator and a definition.
 */
const PLAIN_TERM = /^([^\s:*_`[\]#>|][^:\n—–]{0,48}?)\s*(?::|\s—|\s–|\s-\s|->|→)\s+(\S.*)$/s;

export function matchPlainTerm(inline: string): TermMatch | null {
  const text = stripDecoration(inline.trim());
  if (/^https?:|^\w+:\/\//i.test(text)) return null;
  const match = PLAIN_TERM.exec(text);
  if (!match) return null;
  const term = match[1]!.trim();
  // "Es semipermeable: deja pasar…" says something about the title above; it names no term, and neither does a
  // number alone ("17 → UDP" in a table of protocol numbers).
  if (term.split(/\s+/).length > 5 || /[.!?]$/.test(term) || isNumberAlone(term) || PREDICATE_START.test(foldText(term))) return null;
  // "p -> q", "¬p -> (r ^ ¬q)": an implication between formulas, with no word on either side, defines nothing.
  const definition = match[2]!.trim();
  if (!/\p{L}{2}/u.test(term) && !/\p{L}{2}/u.test(definition.split('\n', 1)[0]!)) return null;
  return { term, definition };
}

/** "17", "6", "2.5": a number with no name, which no card can ask about. */
export function isNumberAlone(term: string): boolean {
  return /^[\d\s.,]+$/.test(term);
}
