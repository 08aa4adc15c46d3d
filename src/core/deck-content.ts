/** How a deck's cards are kept once loaded: light references for queues, heavy bodies for display. */
import type { CardKind, DeckCard } from './types.ts';

/** What the queue needs of a card: small, loaded for every deck in a session. */
export interface CardRef {
  /** Internal, immutable: review logs point at it, whatever happens to the card's text. */
  id: string;
  key: string;
  section: string;
  /** No longer in the notes: hidden from review, history kept, revived if it comes back. */
  retired?: boolean;
}

/** What the screen needs of a card: loaded per deck when one of its cards is shown. */
export interface CardBody {
  id: string;
  kind: CardKind;
  question: string;
  answer: string;
  questionHtml: string;
  answerHtml: string;
  context: string[];
  line: number;
}

export interface MergedDeck {
  refs: CardRef[];
  bodies: CardBody[];
  added: number;
  updated: number;
}

/**
 * A new version of a bundled deck: cards with a known key keep their id (and so their schedule and log); new keys
 * get new ids. Cards whose key disappeared stay, after the others, until the import flow lets the user retire them.
 */
export function mergeDeckVersion(
  previous: { refs: CardRef[]; bodies: CardBody[] } | null,
  incoming: DeckCard[],
  newId: () => string,
): MergedDeck {
  const idByKey = new Map(previous?.refs.map((ref) => [ref.key, ref.id]) ?? []);
  const refs: CardRef[] = [];
  const bodies: CardBody[] = [];
  let added = 0;
  let updated = 0;
  const seen = new Set<string>();
  for (const card of incoming) {
    let id = idByKey.get(card.key);
    if (id) updated++;
    else {
      id = newId();
      added++;
    }
    seen.add(card.key);
    refs.push({ id, key: card.key, section: card.section });
    bodies.push({
      id,
      kind: card.kind,
      question: card.question,
      answer: card.answer,
      questionHtml: card.questionHtml,
      answerHtml: card.answerHtml,
      context: card.context,
      line: card.line,
    });
  }
  if (previous) {
    const bodyById = new Map(previous.bodies.map((body) => [body.id, body]));
    for (const ref of previous.refs) {
      const body = bodyById.get(ref.id);
      if (seen.has(ref.key) || !body) continue;
      refs.push(ref);
      bodies.push(body);
    }
  }
  return { refs, bodies, added, updated };
}
