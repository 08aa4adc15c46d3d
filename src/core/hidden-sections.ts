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
 * The section "Never show cards from this section" hides: the one the card's breadcrumb ends on, below the deck's
 * title ("Historia" for a question under it); a card at the top of its note is its own section.
 */
export function sectionOf(card: Placed): string[] {
  const below = card.context.slice(1);
  return below.length > 0 ? below : [card.question];
}

/** Where a card sits: its breadcrumb below the deck's title, then its own heading if it is a section's card. */
function placeOf(card: Placed): string[] {
  const below = card.context.slice(1);
  return card.kind === 'section' || card.kind === 'question' ? [...below, card.question] : below;
}

/** The hidden section of `deckId` that holds the card, if any: the section's own card, or a card anywhere below it. */
export function hidingSection(sections: readonly HiddenSection[], deckId: string, card: Placed): HiddenSection | undefined {
  const path = placeOf(card);
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
