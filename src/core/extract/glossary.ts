/** R5 — glossary lines: `Term: definition` or `(Term): definition` under a heading named Glosario, Terms… */
import type { TermMatch } from './terms.ts';

const GLOSSARY_SECTIONS = ['terminos', 'glosario', 'definiciones', 'vocabulario', 'glossary', 'terms'];

/** Takes an accent-folded title (foldText). */
export function isGlossaryTitle(folded: string): boolean {
  return GLOSSARY_SECTIONS.includes(folded);
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
