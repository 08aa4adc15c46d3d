/**
 * A year of study, simulated with the real scheduler: a deck of words, a few new cards and the due reviews most
 * days, some days missed, a streak at the end. Deterministic for a seed; used by the stats tests and, written as
 * a backup file, by the browser tests that need a collection with history.
 */
import { BACKUP_FORMAT, BACKUP_VERSION, type Backup, type LegacyLogRecord } from '../../src/core/backup.ts';
import type { ReviewLogRecord, StateRecord } from '../../src/core/records.ts';
import { createScheduler, DAY, dayShift, startOfStudyDay, type Rating } from '../../src/core/scheduler.ts';
import { becomesLeech } from '../../src/core/queue.ts';
import { seededRandom } from '../../src/core/random.ts';
import { eventId } from '../../src/core/log-pages.ts';

export interface HistoryOptions {
  /** The moment the history ends (the test's "now"). */
  now: number;
  days?: number;
  cards?: number;
  newPerDay?: number;
  /** Days at the end studied without a gap. */
  streak?: number;
  seed?: number;
  utcOffsetMinutes?: number;
  /** The first this many cards are forgotten at every review, so they become leeches (suspended) as in the app. */
  leechCards?: number;
}

/**
 * A log as versions 1 and 2 of the backup wrote it: numbered, each entry with the card's whole record before it
 * (rebuilt here from the entry before it of the same card).
 */
export function numberedLog(log: readonly ReviewLogRecord[]): LegacyLogRecord[] {
  const last = new Map<string, ReviewLogRecord>();
  return log.map(({ device: _device, seq, id: _id, phaseBefore: _phase, ...entry }) => {
    const previous = last.get(entry.cardId);
    last.set(entry.cardId, { ...entry, id: '', device: '', seq, phaseBefore: null });
    const before: StateRecord | null = previous
      ? { cardId: entry.cardId, deckId: entry.deckId, fsrs: previous.after, suspended: false, buriedUntil: 0, leech: false, queueDue: previous.after.due }
      : null;
    return { ...entry, id: seq, before };
  });
}

export function simulatedHistory(options: HistoryOptions): Backup {
  const { now, days = 365, cards = 1500, newPerDay = 5, streak = 12, seed = 7, utcOffsetMinutes = 0, leechCards = 0 } = options;
  const leechProne = new Set(Array.from({ length: leechCards }, (_, i) => `card-${String(i).padStart(4, '0')}`));
  const random = seededRandom(seed);
  const scheduler = createScheduler();
  const deckId = 'vocabulario';
  const ids = Array.from({ length: cards }, (_, i) => `card-${String(i).padStart(4, '0')}`);
  const states = new Map<string, StateRecord>();
  const log: ReviewLogRecord[] = [];
  const device = 'simulated';
  const shift = dayShift({ now, utcOffsetMinutes }, 4);
  const today = startOfStudyDay({ now, utcOffsetMinutes }, 4);
  let introduced = 0;

  for (let day = days - 1; day >= 0; day--) {
    const dayStart = today - day * DAY;
    // Missed days, but never inside the final streak.
    if (day > streak - 1 && random() < 0.18) continue;
    let time = dayStart + (7 + random() * 3) * 3_600_000;
    // Today's reviews happen before now, and inside today (regression: between 4:00 and 4:30 they fell into
    // yesterday, and the statistics test found none today).
    if (time > now) time = Math.max(dayStart, now - 60_000 * (day === 0 ? 30 : 0));
    const due = [...states.values()].filter((s) => !s.suspended && s.fsrs.due < dayStart + DAY).sort((a, b) => a.fsrs.due - b.fsrs.due);
    const fresh = ids.slice(introduced, introduced + newPerDay);
    introduced += fresh.length;
    for (const cardId of [...due.map((s) => s.cardId), ...fresh]) {
      const before = states.get(cardId) ?? null;
      const phase = before?.fsrs.phase;
      const roll = random();
      const forgot = phase === 'review' ? leechProne.has(cardId) || roll < 0.1 : roll < 0.25;
      const rating: Rating = forgot ? 1 : random() < 0.1 ? 2 : random() < 0.9 ? 3 : 4;
      const after = scheduler.next(before?.fsrs ?? null, rating, time, shift);
      const leech = (before?.leech ?? false) || becomesLeech(before?.fsrs ?? null, after);
      const record: StateRecord = leech
        ? { cardId, deckId, fsrs: after, suspended: true, buriedUntil: 0, leech: true, leechOf: deckId, parkedOf: deckId }
        : { cardId, deckId, fsrs: after, suspended: false, buriedUntil: 0, leech: false, queueDue: after.due };
      log.push({
        id: eventId(device, log.length + 1),
        device,
        seq: log.length + 1,
        cardId,
        deckId,
        rating,
        time,
        durationMs: Math.round(3000 + random() * 12000),
        phaseBefore: before?.fsrs.phase ?? null,
        after,
        elapsedDays: after.elapsedDays,
        shift,
      });
      states.set(cardId, record);
      time += 20_000;
      if (time > now) time = now;
    }
  }

  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now,
    decks: [
      {
        id: deckId,
        title: 'Vocabulario',
        path: ['Idiomas'],
        source: 'idiomas/vocabulario.md',
        tags: [],
        hash: 'simulated',
        origin: 'imported',
        cardCount: cards,
        tracked: states.size,
        retired: 0,
        updatedAt: now - days * DAY,
      },
    ],
    cardRefs: [{ deckId, refs: ids.map((id, i) => ({ id, key: JSON.stringify(['vocabulario', 'term', 'palabras', `palabra ${i}`]), section: 'palabras' })) }],
    cardBodies: [
      {
        deckId,
        bodies: ids.map((id, i) => ({
          id,
          kind: 'term' as const,
          question: `Palabra ${i}`,
          answer: `Significado ${i}`,
          questionHtml: `<p>Palabra ${i}</p>`,
          answerHtml: `<p>Significado ${i}</p>`,
          context: ['Idiomas', 'Vocabulario'],
          line: i + 1,
        })),
      },
    ],
    states: [...states.values()],
    log,
    settings: [],
    media: [],
  };
}
