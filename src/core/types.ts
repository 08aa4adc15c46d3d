import type { NoteRefusal } from './text.ts';

/** The rule that produced a card (see the README's card rules). */
export type CardKind =
  | 'explicit' // R1: Question::Answer, Question:::Answer, multi-line with `?`
  | 'explicit-reverse' // R1: the reverse side of Question:::Answer
  | 'question' // R2: a heading phrased as a question
  | 'section' // R3: a heading or label with its own content
  | 'term' // R4: **Term:** definition bullets
  | 'glossary'; // R5: Term: definition lines under a glossary label

/** A card as the extractor finds it: Markdown slices of the source, no rendering. */
export interface ExtractedCard {
  /** Stable content key: note id, rule, anchor section and normalised question. Never the answer. */
  key: string;
  kind: CardKind;
  question: string;
  answer: string;
  /** Breadcrumb: deck title, then ancestor headings. */
  context: string[];
  /** 1-based line of the source where the card starts. */
  line: number;
  /** Cards sharing a section share this value; the queue keeps siblings apart. */
  section: string;
}

export interface Warning {
  file: string;
  /** 1-based; 0 when the message is about the whole file. */
  line: number;
  message: string;
}

export interface DeckMeta {
  id: string;
  title: string;
  path: string[];
  source: string;
  navOrder?: number;
  tags: string[];
  lang?: string;
}

/**
 * Why a note gives no cards by design: `flashcards: false` in its front matter; a project file at the notes' root
 * (README, CHANGELOG, LICENSE, CONTRIBUTING); a landing page (a welcome and lists of links).
 */
export type SkipReason = 'flashcards-false' | 'project-file' | 'landing-page';

export type ExtractResult =
  | { ok: true; deck: DeckMeta; cards: ExtractedCard[]; warnings: Warning[]; skipped: false }
  | { ok: true; deck: DeckMeta; cards: []; warnings: Warning[]; skipped: true; why: SkipReason }
  | ({ ok: false; source: string; warnings: Warning[]; reason: string } & NoteRefusal);

/** The deck file the build script writes and the app loads (`public/decks/<id>.json`). */
export interface DeckCard extends ExtractedCard {
  questionHtml: string;
  answerHtml: string;
}

export interface DeckFile {
  id: string;
  title: string;
  path: string[];
  source: string;
  navOrder?: number;
  tags: string[];
  lang?: string;
  cards: DeckCard[];
}

export interface DeckIndexEntry {
  id: string;
  title: string;
  path: string[];
  file: string;
  source: string;
  cards: number;
  hash: string;
}

export interface DeckIndex {
  version: 1;
  decks: DeckIndexEntry[];
}
