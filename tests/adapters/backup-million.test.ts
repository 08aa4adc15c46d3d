// A backup as large as years of daily study make: 20,000 cards and 1,000,000 reviews (regression: the app's own
// backup of 450,000 reviews was refused as "too large"). Every cap must admit what the app can produce.
import { describe, expect, it } from 'vitest';
import { BackupArchiveWriter, readBackupArchive } from '../../src/adapters/backup-file.ts';
import { BACKUP_FORMAT, BACKUP_VERSION, LOG_FILE_REVIEWS, type LogRecord } from '../../src/core/backup.ts';
import type { StateRecord } from '../../src/core/records.ts';
import { eventId } from '../../src/core/log-pages.ts';
import type { CardState } from '../../src/core/scheduler.ts';

const CARDS = 20_000;
const REVIEWS = 1_000_000;
const NOW = Date.UTC(2026, 10, 28, 12);
const DAY = 86_400_000;

/** The longest fields the app writes: a state with every optional field, ids of full length. */
const fsrs = (i: number): CardState => ({
  phase: 'relearning',
  due: NOW + 37 * DAY + i,
  stability: 123.45678901234567,
  difficulty: 7.123456789012345,
  elapsedDays: 41,
  scheduledDays: 120,
  learningSteps: 1,
  reps: 57,
  lapses: 7,
  lastReview: NOW - 3 * DAY,
});
const cardId = (i: number) => `c${String(i).padStart(11, '0')}`;
const DECK = 'a-deck-with-a-long-identifier-from-its-notes-path';

describe('a backup of a million reviews', () => {
  it('is written, accepted by every cap, and read back whole', { timeout: 300_000 }, () => {
    const state = (i: number): StateRecord => ({
      cardId: cardId(i),
      deckId: DECK,
      fsrs: fsrs(i),
      suspended: false,
      buriedUntil: NOW,
      leech: true,
      queueDue: NOW + i,
      leechOf: DECK,
    });
    // Stored, not deflated: the caps concern sizes once inflated, which compression does not change.
    const writer = new BackupArchiveWriter(0);
    for (let start = 0; start < REVIEWS; start += LOG_FILE_REVIEWS) {
      const part: LogRecord[] = [];
      for (let id = start + 1; id <= Math.min(REVIEWS, start + LOG_FILE_REVIEWS); id++) {
        const card = id % CARDS;
        part.push({
          id: eventId('phone', id),
          device: 'phone',
          seq: id,
          cardId: cardId(card),
          deckId: DECK,
          rating: 2,
          time: NOW - (REVIEWS - id) * 60_000,
          durationMs: 59_999,
          phaseBefore: 'relearning',
          after: fsrs(card),
          elapsedDays: 41,
          shift: -3 * 3_600_000,
        });
      }
      writer.addLog(part);
    }
    const refs = Array.from({ length: CARDS }, (_, i) => ({ id: cardId(i), key: `["notes/${DECK}.md","section","${DECK}","question number ${i}"]`, section: `section-${i}` }));
    const archive = writer.finish({
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: NOW,
      decks: [
        {
          id: DECK,
          title: 'Deck',
          path: [],
          source: 'notes/deck.md',
          tags: [],
          hash: 'h',
          origin: 'imported',
          cardCount: CARDS,
          tracked: CARDS,
          retired: 0,
          updatedAt: NOW,
          revision: 3,
        },
      ],
      cardRefs: [{ deckId: DECK, refs }],
      cardBodies: [
        {
          deckId: DECK,
          bodies: refs.map((r, i) => ({
            id: r.id,
            kind: 'section',
            question: `Question ${i}?`,
            answer: 'An answer.',
            questionHtml: `<p>Question ${i}?</p>`,
            answerHtml: '<p>An answer.</p>',
            context: ['Deck'],
            line: i,
          })),
        },
      ],
      states: refs.map((_, i) => state(i)),
      settings: [],
      media: [],
    });

    // Opening reads and checks every log file.
    const opened = readBackupArchive(archive);
    if (!opened.ok) throw new Error(`refused: ${JSON.stringify(opened.problem)}`);
    expect(opened).toMatchObject({ cards: CARDS, reviews: REVIEWS });
    expect(opened.document.log.files).toHaveLength(REVIEWS / LOG_FILE_REVIEWS);
  });
});
