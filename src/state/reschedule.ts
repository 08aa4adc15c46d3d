/** Applies new scheduler settings to the cards already studied, by replaying their review logs. */
import type { Store } from '../adapters/store.ts';
import { allReviews, allStates, putRescheduled } from '../adapters/store-backup.ts';
import { planReschedule } from '../core/reschedule.ts';
import type { Scheduler } from '../core/scheduler.ts';

/** Short transactions, so reviews in another tab are never held up for long. */
const BATCH = 2000;

export async function rescheduleAll(store: Store, scheduler: Scheduler): Promise<number> {
  const [states, reviews] = await Promise.all([allStates(store), allReviews(store)]);
  const updates = planReschedule(scheduler, states, reviews);
  let written = 0;
  for (let start = 0; start < updates.length; start += BATCH) written += await putRescheduled(store, updates.slice(start, start + BATCH));
  return written;
}
