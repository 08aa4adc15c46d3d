/**
 * The backup format: everything Repaso stores, as one versioned document. Types and constants only — the checks
 * live in backup-check.ts, which only the settings screen loads.
 */
import type { CardBody, CardRef } from './deck-content.ts';
import type { DeckRecord, ReviewLogRecord, StateRecord } from './records.ts';
import { DAY } from './scheduler.ts';

export { legacyEvent, type LegacyLogRecord } from './log-pages.ts';

export const BACKUP_FORMAT = 'repaso-backup';
/**
 * Raise when the document changes shape; restore refuses versions it does not know. 1: the log inside the
 * document. 2: the log in files of LOG_FILE_REVIEWS reviews beside it, so no file nears a string's size limit.
 * 3: log events carry their device and counter (`id` "device:counter"); before, a number (see legacyEvent).
 * 4: a log file is a table (LogTable), not a list of objects.
 */
export const BACKUP_VERSION = 4;
/** The document's name inside the archive. */
export const BACKUP_DOCUMENT = 'repaso-backup.json';
export const LOG_FILE_REVIEWS = 50_000;
export const logFileName = (index: number) => `log/${String(index).padStart(4, '0')}.json`;

const MB = 1024 * 1024;
/**
 * Refused above these. Each admits what the app makes (a review log entry is under 1 KB; imported images are
 * capped at 64 MB per import): a file over them is not a backup of a study collection, or would exhaust a phone.
 */
export const BACKUP_LIMITS = {
  /** The document without its log: decks, cards, states, settings. */
  documentBytes: 512 * MB,
  logFileBytes: 128 * MB,
  mediaFileBytes: 64 * MB,
  /** Every entry of the archive, once inflated. */
  totalBytes: 8 * 1024 * MB,
  entries: 500_000,
  cards: 1_000_000,
  reviews: 10_000_000,
};

export interface BackupMedia {
  deckId: string;
  path: string;
  /** Name of the image's file inside the archive. */
  file: string;
}

export type LogRecord = ReviewLogRecord;

const EVENT_COLUMNS = ['device', 'seq', 'cardId', 'deckId', 'rating', 'time', 'durationMs', 'phaseBefore', 'elapsedDays', 'shift', 'practice'] as const;
const STATE_COLUMNS = ['phase', 'due', 'stability', 'difficulty', 'elapsedDays', 'scheduledDays', 'learningSteps', 'reps', 'lapses', 'lastReview'] as const;
/** The columns of a log file, in order: an event's fields, then those of the card's state after it. */
export const LOG_COLUMNS: readonly string[] = [...EVENT_COLUMNS, ...STATE_COLUMNS.map((field) => `after.${field}`)];

/**
 * A log file from version 4: one row per event, its values in LOG_COLUMNS order; the id is left out, as it is
 * made of the device and counter; `practice` is 1 or 0. Without a name on every value a log file is 2.5 times
 * smaller before compression, so a backup zips it and a restore reads it in about half the time.
 */
export interface LogTable {
  columns: readonly string[];
  rows: unknown[][];
}

export function logTable(events: readonly LogRecord[]): LogTable {
  const rows = events.map((e) => {
    const { after: a } = e;
    return [
      e.device,
      e.seq,
      e.cardId,
      e.deckId,
      e.rating,
      e.time,
      e.durationMs,
      e.phaseBefore,
      e.elapsedDays,
      e.shift,
      e.practice ? 1 : 0,
      a.phase,
      a.due,
      a.stability,
      a.difficulty,
      a.elapsedDays,
      a.scheduledDays,
      a.learningSteps,
      a.reps,
      a.lapses,
      a.lastReview,
    ];
  });
  return { columns: LOG_COLUMNS, rows };
}

/**
 * The events of a log table, unchecked (the backup check judges every field), or null when it is not a table of
 * LOG_COLUMNS. A row that is not a list is kept as it is, for the check to refuse.
 */
export function tableEvents(table: unknown): unknown[] | null {
  if (typeof table !== 'object' || table === null) return null;
  const { columns, rows } = table as Partial<LogTable>;
  if (!Array.isArray(columns) || columns.length !== LOG_COLUMNS.length || columns.some((c, i) => c !== LOG_COLUMNS[i]) || !Array.isArray(rows)) return null;
  return rows.map((row: unknown) => {
    if (!Array.isArray(row)) return row;
    const event: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    EVENT_COLUMNS.forEach((field, i) => (event[field] = row[i]));
    STATE_COLUMNS.forEach((field, i) => (after[field] = row[EVENT_COLUMNS.length + i]));
    if (event.practice === 1) event.practice = true;
    else if (event.practice === 0) delete event.practice;
    event.after = after;
    event.id = `${String(event.device)}:${String(event.seq)}`;
    return event;
  });
}

/**
 * The device a version 1 or 2 backup's events are given: named after the backup, so restoring the same file on
 * two devices gives the same event ids (and a sync between them no duplicates).
 */
export const legacyDevice = (exportedAt: number): string => `backup-${exportedAt.toString(36)}`;

/** The backup document: everything but the review log, which its files hold (version 2). */
export interface BackupDocument {
  format: typeof BACKUP_FORMAT;
  version: number;
  exportedAt: number;
  decks: DeckRecord[];
  cardRefs: { deckId: string; refs: CardRef[] }[];
  cardBodies: { deckId: string; bodies: CardBody[] }[];
  states: StateRecord[];
  settings: { key: string; value: unknown }[];
  media: BackupMedia[];
  log: { files: string[]; count: number };
}

/** A whole backup in memory, its log included. */
export type Backup = Omit<BackupDocument, 'log'> & { log: LogRecord[] };

export type BackupProblem =
  | { code: 'not-a-backup' }
  | { code: 'newer-version'; version: number }
  | { code: 'too-large' }
  | { code: 'corrupt'; file: string }
  | { code: 'bad-record'; part: string; index: number; field: string }
  | { code: 'unknown-setting'; key: string }
  | { code: 'dangling'; part: string; index: number; missing: string }
  | { code: 'duplicate'; part: string; id: string }
  | { code: 'missing-file'; file: string };

export const BACKUP_REMINDER_DAYS = 14;

/**
 * Whether to remind the user to back up: they have reviews, and the last backup — or, without one, the first
 * review — is more than 14 days old, and they did not ask to be reminded later.
 */
/** "Remind me later": the reminder stays away this long. */
const BACKUP_SNOOZE_DAYS = 3;

/** Until when "Remind me later", asked at `now`, keeps the backup reminder away. */
export function backupSnoozedUntil(now: number): number {
  return now + BACKUP_SNOOZE_DAYS * DAY;
}

export function backupReminderDue(input: { now: number; lastBackupAt?: number; firstReviewAt: number | null; snoozedUntil?: number }): boolean {
  if (input.firstReviewAt === null) return false;
  if (input.snoozedUntil !== undefined && input.now < input.snoozedUntil) return false;
  const since = input.lastBackupAt ?? input.firstReviewAt;
  return input.now - since > BACKUP_REMINDER_DAYS * DAY;
}

/**
 * The decks of a document with their counters (cards, studied, retired) counted from its cards and states, so a
 * restore never shows counts that disagree with what it holds. An app-made backup comes out unchanged.
 */
export function countedDecks(document: Pick<BackupDocument, 'decks' | 'cardRefs' | 'states'>): DeckRecord[] {
  const studied = new Set(document.states.map((s) => s.cardId));
  const refs = new Map(document.cardRefs.map((entry) => [entry.deckId, entry.refs]));
  return document.decks.map((deck) => {
    const cards = refs.get(deck.id) ?? [];
    const live = cards.filter((ref) => !ref.retired);
    return { ...deck, cardCount: live.length, tracked: live.filter((ref) => studied.has(ref.id)).length, retired: cards.length - live.length };
  });
}
