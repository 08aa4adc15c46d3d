/**
 * Card identity: the content key of a card (its note, rule, anchor section and normalised question — never the
 * answer), built by the extractor and read back by the import planner. The one home of the key's format.
 */
import type { CardKind } from './types.ts';

/** The key of a card: a JSON array of note id, rule, anchor and normalised question. */
export function cardKey(noteId: string, kind: CardKind, anchor: string, question: string): string {
  return JSON.stringify([noteId, kind, anchor, question]);
}

/** The key of the n-th card (n ≥ 2) that would have the same key in one note. */
export function numberedKey(key: string, n: number): string {
  return `${key}#${n}`;
}

/** The part of a key that does not name the note, so a renamed file keeps its cards. */
export function keyTail(key: string): string {
  // Keys are JSON arrays whose first item names the note: the tail is the array without it. Read directly when
  // that item has no escapes (every key the extractor writes); parsed otherwise.
  const firstEnd = key.startsWith('["') ? key.indexOf('",', 2) : -1;
  if (firstEnd > 0 && !key.slice(2, firstEnd).includes('\\')) return `[${key.slice(firstEnd + 2)}`;
  try {
    const parts = JSON.parse(key.replace(/#\d+$/, '')) as unknown;
    if (Array.isArray(parts)) return JSON.stringify(parts.slice(1)) + (key.match(/#\d+$/)?.[0] ?? '');
  } catch {
    // Keys from elsewhere: compare them whole.
  }
  return key;
}
