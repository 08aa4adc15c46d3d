/**
 * Every change of a card's stored record that is not a review: suspend, bury, hide, forget, retire, move and their
 * inverses. Pure;
 * the review screen, the card browser and the store all take them from here, so a flag means the same everywhere.
 *
 * One rule ties them (core/queue-rule.ts): a record is in the queue (has `queueDue`) unless it is suspended or
 * retired, and then it is due when FSRS says or when its burial ends, whichever is later.
 */
import { queued } from './queue-rule.ts';
import type { StateRecord } from './records.ts';
import { unseenState } from './scheduler.ts';

export { queued };

/** The first record of a card that never had one: unseen, due now. */
export function newRecord(cardId: string, deckId: string, now: number): StateRecord {
  return { cardId, deckId, fsrs: unseenState(now), suspended: false, buriedUntil: 0, leech: false, queueDue: now };
}

export function suspend(record: StateRecord): StateRecord {
  return queued({ ...record, suspended: true });
}

/** Back in the reviews; a leech keeps its mark (its lapses are real), a hidden card stays hidden. */
export function unsuspend(record: StateRecord): StateRecord {
  if (record.hiddenOf) return record;
  return queued({ ...record, suspended: false });
}

/** Out of the queue until `until` (the next study day). */
export function bury(record: StateRecord, until: number): StateRecord {
  return queued({ ...record, buriedUntil: until });
}

export function unbury(record: StateRecord): StateRecord {
  return queued({ ...record, buriedUntil: 0 });
}

/** "Never show this card": suspended for good, listed where it can be shown again. */
export function hide(record: StateRecord): StateRecord {
  return queued({ ...record, suspended: true, hiddenOf: record.deckId });
}

/** Hidden because its section is (HiddenSection.id): showing the section again shows it. */
export function hideWithSection(record: StateRecord, sectionId: string): StateRecord {
  return queued({ ...record, suspended: true, hiddenOf: record.deckId, hiddenSection: sectionId });
}

/** A hidden card shown again: unsuspended, and back in the queue when it was due (unless retired). */
export function showAgain(record: StateRecord): StateRecord {
  const { hiddenOf: _shown, hiddenSection: _section, ...rest } = record;
  return queued({ ...rest, suspended: false });
}

/** The card left the notes (or its deck was removed keeping history): out of the queue, history kept. */
export function retire(record: StateRecord): StateRecord {
  return queued({ ...record, retired: true });
}

/**
 * The card lives on in deck `deckId`: an import found it in another note, or back in the notes after it had left.
 * Its history and flags go with it (a leech or a hidden card stays one, now of that deck); it is no longer retired.
 */
export function moveTo(record: StateRecord, deckId: string): StateRecord {
  const { retired: _retired, ...rest } = record;
  return queued({ ...rest, deckId, ...(rest.leechOf ? { leechOf: deckId } : {}), ...(rest.hiddenOf ? { hiddenOf: deckId } : {}) });
}

/**
 * "Forget": the card starts again as new, due now. Its review history stays (the log gains a forget entry, see
 * FORGET), suspension and hiding stay as they were; the leech mark goes with the lapses that made it.
 */
export function forget(record: StateRecord, now: number): StateRecord {
  const { leechOf: _leech, ...rest } = record;
  return queued({ ...rest, fsrs: unseenState(now), buriedUntil: 0, leech: false });
}

/** What a card is now, for lists and filters. A card can be several at once (a suspended leech in review). */
export interface CardStatus {
  phase: StateRecord['fsrs']['phase'];
  suspended: boolean;
  buried: boolean;
  hidden: boolean;
  retired: boolean;
  leech: boolean;
}

export function statusOf(record: StateRecord | undefined, retired: boolean, now: number): CardStatus {
  if (!record) return { phase: 'new', suspended: false, buried: false, hidden: false, retired, leech: false };
  return {
    phase: record.fsrs.phase,
    suspended: record.suspended && !record.hiddenOf,
    buried: record.buriedUntil > now,
    hidden: record.hiddenOf !== undefined,
    retired: retired || record.retired === true,
    leech: record.leech,
  };
}
