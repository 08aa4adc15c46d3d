/**
 * The review log as CSV in the layout the FSRS optimizer reads (open-spaced-repetition/fsrs-optimizer,
 * "Review Logs Schema"): card_id, review_time (epoch ms), review_rating (1–4), review_state (the card's state
 * before the review: 0 new, 1 learning, 2 review, 3 relearning), review_duration (ms).
 */
import type { Phase, Rating } from './scheduler.ts';

export const REVIEW_CSV_HEADER = 'card_id,review_time,review_rating,review_state,review_duration';

const STATE_CODE: Record<Phase, number> = { new: 0, learning: 1, review: 2, relearning: 3 };

export interface CsvReview {
  cardId: string;
  time: number;
  rating: Rating;
  /** Phase before the review; null for a card's first review. */
  phaseBefore: Phase | null;
  durationMs: number;
}

/** Quotes a field only when CSV needs it (our ids are plain, but a foreign one may hold a comma or quote). */
function field(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** One line per review, oldest first, ending with a newline. */
export function reviewLogCsv(reviews: readonly CsvReview[]): string {
  const sorted = [...reviews].sort((a, b) => a.time - b.time);
  const lines = [REVIEW_CSV_HEADER];
  for (const r of sorted) {
    lines.push(`${field(r.cardId)},${Math.round(r.time)},${r.rating},${STATE_CODE[r.phaseBefore ?? 'new']},${Math.max(0, Math.round(r.durationMs))}`);
  }
  return `${lines.join('\n')}\n`;
}
