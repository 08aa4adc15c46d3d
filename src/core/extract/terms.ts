/** R4 — term bullets and paragraphs: `**Term:** definition`, `**Term**: definition`, `__Term__: definition`. */
import { stripDecoration } from './titles.ts';

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

/** `**Term:** definition`, `**Term**: definition` or `__Term__: definition` (also after a leading emoji). */
export function matchTerm(inline: string): TermMatch | null {
  for (const pattern of TERM_PATTERNS) {
    const match = pattern.exec(stripDecoration(inline.trim()));
    if (match && match[1]!.trim()) return { term: match[1]!.trim(), definition: match[2]!.trim() };
  }
  return null;
}
