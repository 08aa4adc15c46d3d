/** How a deck's cards are kept once loaded: light references for queues, heavy bodies for display. */
import type { CardKind } from './types.ts';

/** What the queue needs of a card: small, loaded for every deck in a session. */
export interface CardRef {
  /** Internal, immutable: review logs point at it, whatever happens to the card's text. */
  id: string;
  key: string;
  section: string;
  /** No longer in the notes: hidden from review, history kept, revived if it comes back. */
  retired?: boolean;
  /** When the card first entered the collection (epoch ms); absent for cards imported before it was kept. */
  added?: number;
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
