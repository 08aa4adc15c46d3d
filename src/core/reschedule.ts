/**
 * Rescheduling after the scheduler's settings change: each card's state is rebuilt by replaying its review log
 * with the new settings, as if they had always been in force. Flags (suspended, buried, leech, retired) stay.
 */
import { inReplayOrder } from './log-replay.ts';
import { queued } from './queue-rule.ts';
import type { ReviewLogRecord, StateRecord } from './records.ts';
import { replay, type Scheduler } from './scheduler.ts';

/** What changes in scheduling, compared field by field: only these make a reschedule worth offering. */
export function schedulingChanged(before: Scheduler['settings'], after: Scheduler['settings']): boolean {
  return (
    before.desiredRetention !== after.desiredRetention ||
    before.maximumInterval !== after.maximumInterval ||
    before.fuzz !== after.fuzz ||
    before.learningSteps.join(' ') !== after.learningSteps.join(' ') ||
    before.relearningSteps.join(' ') !== after.relearningSteps.join(' ')
  );
}

/** The card's record under `scheduler`, or null when replaying changes nothing (or there is nothing to replay). */
export function rescheduleCard(scheduler: Scheduler, record: StateRecord, reviews: readonly ReviewLogRecord[]): StateRecord | null {
  const ordered = inReplayOrder(reviews);
  const fsrs = replay(scheduler, ordered);
  if (!fsrs) return null;
  const after = queued({ ...record, fsrs });
  if (after.queueDue === record.queueDue && after.parkedOf === record.parkedOf && JSON.stringify(fsrs) === JSON.stringify(record.fsrs)) return null;
  return after;
}

/** Every card whose record changes under `scheduler`, with its record as read (so a write can check it). */
export function planReschedule(scheduler: Scheduler, states: readonly StateRecord[], reviews: readonly ReviewLogRecord[]): { before: StateRecord; after: StateRecord }[] {
  const byCard = new Map<string, ReviewLogRecord[]>();
  for (const review of reviews) {
    const list = byCard.get(review.cardId);
    if (list) list.push(review);
    else byCard.set(review.cardId, [review]);
  }
  const updates: { before: StateRecord; after: StateRecord }[] = [];
  for (const state of states) {
    const after = rescheduleCard(scheduler, state, byCard.get(state.cardId) ?? []);
    if (after) updates.push({ before: state, after });
  }
  return updates;
}
