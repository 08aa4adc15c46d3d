/**
 * "Never show cards from this section": a section of a deck, named by its breadcrumb, whose cards (those of its
 * subsections too) stay hidden through every later import. Pure.
 */
import type { CardKind } from './types.ts';

export interface HiddenSection {
  id: string;
  deckId: string;
  /** The section's breadcrumb below the deck's title: ["Redes", "TCP"]. */
  path: string[];
  createdAt: number;
}

interface Placed {
  kind: CardKind;
  question: string;
  /** The card's breadcrumb, the deck's title first. */
  context: readonly string[];
}

/**
 * The section a card belongs to, below the deck's title: a section's own card is that section (its question is the
 * section's title); any other card is in the section its breadcrumb ends on.
 */
export function sectionOf(card: Placed): string[] {
  const below = card.context.slice(1);
  return card.kind === 'section' || card.kind === 'question' ? [...below, card.question] : below;
}

/** The hidden section of `deckId` that holds the card, if any: its section, or one above it. */
export function hidingSection(sections: readonly HiddenSection[], deckId: string, card: Placed): HiddenSection | undefined {
  const path = sectionOf(card);
  return sections.find((s) => s.deckId === deckId && s.path.length > 0 && s.path.length <= path.length && s.path.every((title, i) => path[i] === title));
}

export function isHiddenSectionList(value: unknown): value is HiddenSection[] {
  return (
    Array.isArray(value) &&
    value.every(
      (s) =>
        typeof s === 'object' &&
        s !== null &&
        typeof s.id === 'string' &&
        typeof s.deckId === 'string' &&
        Array.isArray(s.path) &&
        s.path.length > 0 &&
        s.path.every((t: unknown) => typeof t === 'string') &&
        typeof s.createdAt === 'number' &&
        Number.isFinite(s.createdAt),
    )
  );
}
