import { describe, expect, it } from 'vitest';
import type { ReviewLogRecord, StateRecord } from '../../src/core/records.ts';
import { planReschedule, rescheduleCard, schedulingChanged } from '../../src/core/reschedule.ts';
import { createScheduler, DEFAULT_SCHEDULER_SETTINGS, type Rating } from '../../src/core/scheduler.ts';

const START = Date.UTC(2026, 0, 5, 9);
const DAY = 86_400_000;
const steady = { ...DEFAULT_SCHEDULER_SETTINGS, fuzz: false };

/** A card reviewed on the given days with the given ratings, under `settings`. */
function studied(cardId: string, plan: [number, Rating][], settings = steady, flags: Partial<StateRecord> = {}) {
  const scheduler = createScheduler(settings);
  let state: StateRecord | null = null;
  const log: ReviewLogRecord[] = [];
  for (const [day, rating] of plan) {
    const time = START + day * DAY;
    const after = scheduler.next(state?.fsrs ?? null, rating, time, 0);
    log.push({
      id: `d:${log.length + 1}`,
      device: 'd',
      seq: log.length + 1,
      cardId,
      deckId: 'd',
      rating,
      time,
      durationMs: 5000,
      phaseBefore: state?.fsrs.phase ?? null,
      after,
      elapsedDays: after.elapsedDays,
      shift: 0,
    });
    state = { cardId, deckId: 'd', fsrs: after, suspended: false, buriedUntil: 0, leech: false, queueDue: after.due, ...flags };
  }
  if (flags.suspended || flags.retired) delete state!.queueDue;
  return { state: state!, log };
}

describe('rescheduling after a settings change', () => {
  it('changes nothing when the settings are the same', () => {
    const card = studied('c', [
      [0, 3],
      [1, 3],
      [4, 3],
    ]);
    expect(rescheduleCard(createScheduler(steady), card.state, card.log)).toBeNull();
  });

  it('brings reviews closer with a higher desired retention', () => {
    const card = studied('c', [
      [0, 3],
      [1, 3],
      [4, 3],
      [12, 3],
    ]);
    const after = rescheduleCard(createScheduler({ ...steady, desiredRetention: 0.97 }), card.state, card.log)!;
    expect(after.fsrs.due).toBeLessThan(card.state.fsrs.due);
    expect(after.queueDue).toBe(after.fsrs.due);
    expect(after.fsrs.reps).toBe(card.state.fsrs.reps);
  });

  it('keeps a suspended card suspended and out of the queue', () => {
    const card = studied(
      'c',
      [
        [0, 3],
        [1, 3],
        [4, 3],
      ],
      steady,
      { suspended: true },
    );
    const after = rescheduleCard(createScheduler({ ...steady, desiredRetention: 0.8 }), card.state, card.log)!;
    expect(after.suspended).toBe(true);
    expect(after).not.toHaveProperty('queueDue');
  });

  it('replays reviews in time order whatever order the log gives them in', () => {
    const card = studied('c', [
      [0, 3],
      [1, 1],
      [2, 3],
    ]);
    const shuffled = [card.log[2]!, card.log[0]!, card.log[1]!];
    expect(rescheduleCard(createScheduler(steady), card.state, shuffled)).toBeNull();
  });

  it('plans only the cards that change', () => {
    const a = studied('a', [
      [0, 3],
      [1, 3],
      [4, 3],
      [12, 3],
    ]);
    const b = studied('b', [[0, 3]]);
    const neverReviewed: StateRecord = { ...b.state, cardId: 'n', suspended: true };
    const plan = planReschedule(createScheduler({ ...steady, maximumInterval: 3 }), [a.state, b.state, neverReviewed], [...a.log, ...b.log]);
    expect(plan.map((u) => u.after.cardId)).toEqual(['a']);
    expect(plan[0]!.before).toBe(a.state);
  });

  it('offers a reschedule only for settings that schedule', () => {
    expect(schedulingChanged(steady, { ...steady, dayStartHour: 6 })).toBe(false);
    expect(schedulingChanged(steady, { ...steady, learningSteps: ['2m'] })).toBe(true);
    expect(schedulingChanged(steady, { ...steady, desiredRetention: 0.85 })).toBe(true);
  });
});
