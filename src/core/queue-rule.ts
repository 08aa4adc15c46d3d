/**
 * The rule that ties a card's record to the indexes: a record is in the queue (has `queueDue`) unless it is suspended
 * or retired, and then it is due when FSRS says or when its burial ends, whichever is later. A record out of the
 * queue carries `parkedOf` (its deck id) instead, for the sparse `parked` index the statistics read. No dependency,
 * so the restore worker applies it without the scheduler's code.
 */
import type { StateRecord } from './records.ts';

/** The record with `queueDue` or `parkedOf` set by the rule above. */
export function queued(record: StateRecord): StateRecord {
  const { queueDue: _due, parkedOf: _parked, ...rest } = record;
  if (rest.suspended || rest.retired) return { ...rest, parkedOf: rest.deckId };
  return { ...rest, queueDue: Math.max(rest.fsrs.due, rest.buriedUntil) };
}
