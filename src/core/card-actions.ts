/**
 * What an action of the card browser does to each selected card, as edits a store applies in one transaction, and
 * the edits that undo them. Pure; time passed in.
 */
import * as cardRecord from './card-record.ts';
import type { CollectionCard } from './card-search.ts';
import type { LogRef } from './log-pages.ts';
import type { ReviewLogEntry, StateRecord } from './records.ts';
import { FORGET } from './scheduler.ts';

export const CARD_ACTIONS = ['suspend', 'unsuspend', 'bury', 'unbury', 'hide', 'show', 'forget'] as const;
export type CardActionName = (typeof CARD_ACTIONS)[number];

export interface CardEdit {
  cardId: string;
  deckId: string;
  /** The record the edit was planned on (null: the card had none). */
  before: StateRecord | null;
  /** The record it writes (null: the record goes, as when undoing a card's first one). */
  after: StateRecord | null;
  /** A log entry it adds ("Forget" is kept in the history). */
  addLog?: ReviewLogEntry;
  /** A log entry it removes (undoing a "Forget"). */
  removeLog?: LogRef;
}

export interface ActionTime {
  now: number;
  /** When a card buried now comes back: the next study day. */
  dayEnd: number;
  /** The day shift in force (see scheduler dayShift), kept on a forget entry like on a review. */
  shift: number;
}

/** Whether `action` would change the card: an action that would not is left out (suspending a suspended card). */
export function canApply(action: CardActionName, card: CollectionCard, now: number): boolean {
  const { state, ref } = card;
  const retired = ref.retired === true || state?.retired === true;
  const hidden = state?.hiddenOf !== undefined;
  switch (action) {
    case 'suspend':
      return !retired && !hidden && !state?.suspended;
    case 'unsuspend':
      return !hidden && state?.suspended === true;
    case 'bury':
      return !retired && !state?.suspended && (state?.buriedUntil ?? 0) <= now;
    case 'unbury':
      return (state?.buriedUntil ?? 0) > now;
    case 'hide':
      return !hidden;
    case 'show':
      return hidden;
    case 'forget':
      return state !== undefined && (state.fsrs.reps > 0 || state.fsrs.phase !== 'new');
  }
}

/** The edits of `action` on the cards it applies to. */
export function planAction(action: CardActionName, cards: readonly CollectionCard[], time: ActionTime): CardEdit[] {
  const edits: CardEdit[] = [];
  for (const card of cards) {
    if (!canApply(action, card, time.now)) continue;
    const before = card.state ?? null;
    const base = before ?? cardRecord.newRecord(card.ref.id, card.deckId, time.now);
    const after = apply(action, base, time);
    const edit: CardEdit = { cardId: card.ref.id, deckId: card.deckId, before, after };
    if (action === 'forget') edit.addLog = forgetEntry(base, after, time);
    edits.push(edit);
  }
  return edits;
}

function apply(action: CardActionName, record: StateRecord, time: ActionTime): StateRecord {
  switch (action) {
    case 'suspend':
      return cardRecord.suspend(record);
    case 'unsuspend':
      return cardRecord.unsuspend(record);
    case 'bury':
      return cardRecord.bury(record, time.dayEnd);
    case 'unbury':
      return cardRecord.unbury(record);
    case 'hide':
      return cardRecord.hide(record);
    case 'show':
      return cardRecord.showAgain(record);
    case 'forget':
      return cardRecord.forget(record, time.now);
  }
}

function forgetEntry(before: StateRecord, after: StateRecord, time: ActionTime): ReviewLogEntry {
  return {
    cardId: before.cardId,
    deckId: before.deckId,
    rating: FORGET,
    time: time.now,
    durationMs: 0,
    phaseBefore: before.fsrs.phase,
    after: after.fsrs,
    elapsedDays: 0,
    shift: time.shift,
  };
}

/** The edits that put every card back as it was, given where the applied edits' log events are kept. */
export function undoEdits(applied: readonly CardEdit[], logRefs: readonly (LogRef | null)[]): CardEdit[] {
  return applied.map((edit, i) => {
    const logRef = logRefs[i];
    return { cardId: edit.cardId, deckId: edit.deckId, before: edit.after, after: edit.before, ...(logRef ? { removeLog: logRef } : {}) };
  });
}
