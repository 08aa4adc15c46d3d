import { extractNote } from '../../src/core/extract/index.ts';
import type { ExtractedCard, Warning } from '../../src/core/types.ts';

export function extract(markdown: string, source = 'notes/page.md'): { cards: ExtractedCard[]; warnings: Warning[] } {
  const result = extractNote(markdown, source);
  if (!result.ok) throw new Error(`refused: ${result.reason}`);
  return { cards: result.cards, warnings: result.warnings };
}

export function questions(markdown: string): string[] {
  return extract(markdown).cards.map((card) => card.question);
}

export function card(markdown: string, question: string): ExtractedCard {
  const found = extract(markdown).cards.find((c) => c.question === question);
  if (!found) throw new Error(`no card "${question}" among: ${questions(markdown).join(' | ')}`);
  return found;
}

/** Each card as [question, answer]. */
export function qa(markdown: string): string[][] {
  return extract(markdown).cards.map((c) => [c.question, c.answer]);
}
