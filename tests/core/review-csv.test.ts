import { describe, expect, it } from 'vitest';
import { REVIEW_CSV_HEADER, reviewLogCsv } from '../../src/core/review-csv.ts';

describe('review log CSV for the FSRS optimizer', () => {
  it('writes the optimizer’s columns, oldest review first, with the state before each review', () => {
    const csv = reviewLogCsv([
      { cardId: 'b', time: 2000, rating: 3, phaseBefore: 'review', durationMs: 4000.4 },
      { cardId: 'a', time: 1000, rating: 1, phaseBefore: null, durationMs: 12_000 },
      { cardId: 'a', time: 1500, rating: 3, phaseBefore: 'learning', durationMs: 3000 },
      { cardId: 'a', time: 3000, rating: 4, phaseBefore: 'relearning', durationMs: -5 },
    ]);
    expect(csv).toBe(`${REVIEW_CSV_HEADER}\na,1000,1,0,12000\na,1500,3,1,3000\nb,2000,3,2,4000\na,3000,4,3,0\n`);
    expect(REVIEW_CSV_HEADER).toBe('card_id,review_time,review_rating,review_state,review_duration');
  });

  it('quotes an id that CSV would split', () => {
    expect(reviewLogCsv([{ cardId: 'x,"y"', time: 1, rating: 3, phaseBefore: null, durationMs: 1 }]).split('\n')[1]).toBe('"x,""y""",1,3,0,1');
  });
});
