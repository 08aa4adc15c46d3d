/**
 * The files of the decks the app ships: their names, and their shapes, checked before anything is stored — a host
 * that answers a missing file with its HTML page, or a damaged file, must never become a deck. Small on purpose:
 * the page loads it before the first card (deck.ts brings the Markdown renderer).
 */
import type { DeckFile, DeckIndex } from './types.ts';

/** The file a deck is written to. Never `index.json`, the deck list, whatever the deck's id (a note `index.md`). */
export const deckFileName = (id: string) => `${id}.deck.json`;
export const DECK_INDEX_FILE = 'index.json';

const CARD_KINDS = new Set(['explicit', 'explicit-reverse', 'question', 'section', 'term', 'glossary']);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const strings = (v: unknown): boolean => Array.isArray(v) && v.every(isString);

export function isDeckIndex(value: unknown): value is DeckIndex {
  if (!isObject(value) || value.version !== 1 || !Array.isArray(value.decks)) return false;
  return value.decks.every(
    (entry) =>
      isObject(entry) &&
      isString(entry.id) &&
      entry.id.length > 0 &&
      isString(entry.title) &&
      strings(entry.path) &&
      isString(entry.file) &&
      /^[a-z0-9-]+\.deck\.json$/.test(entry.file) &&
      isString(entry.source) &&
      isString(entry.hash) &&
      Number.isInteger(entry.cards),
  );
}

export function isDeckFile(value: unknown): value is DeckFile {
  if (!isObject(value) || !isString(value.id) || !isString(value.title) || !strings(value.path) || !isString(value.source) || !strings(value.tags)) return false;
  if (!Array.isArray(value.cards)) return false;
  return value.cards.every(
    (card) =>
      isObject(card) &&
      isString(card.key) &&
      card.key.length > 0 &&
      CARD_KINDS.has(card.kind as string) &&
      isString(card.question) &&
      isString(card.answer) &&
      isString(card.questionHtml) &&
      isString(card.answerHtml) &&
      strings(card.context) &&
      Number.isInteger(card.line) &&
      isString(card.section),
  );
}
