/**
 * The backup format: everything Repaso stores, as one versioned document. Types and constants only — the checks
 * live in backup-check.ts, which only the settings screen loads.
 */
import type { CardBody, CardRef } from './deck-content.ts';
import type { DeckRecord, ReviewLogRecord, StateRecord } from './records.ts';
import { DAY } from './scheduler.ts';

export const BACKUP_FORMAT = 'repaso-backup';
/** Raise when the document changes shape; restore refuses versions it does not know. */
export const BACKUP_VERSION = 1;
/** The document's name inside the archive. */
export const BACKUP_DOCUMENT = 'repaso-backup.json';

/** Refused above these: a file this large is not a backup of a study collection, and would exhaust a phone. */
export const BACKUP_LIMITS = { archiveBytes: 512 * 1024 * 1024, documentBytes: 256 * 1024 * 1024, cards: 1_000_000, reviews: 10_000_000 };

export interface BackupMedia {
  deckId: string;
  path: string;
  /** Name of the image's file inside the archive. */
  file: string;
}

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: number;
  exportedAt: number;
  decks: DeckRecord[];
  cardRefs: { deckId: string; refs: CardRef[] }[];
  cardBodies: { deckId: string; bodies: CardBody[] }[];
  states: StateRecord[];
  log: (ReviewLogRecord & { id: number })[];
  settings: { key: string; value: unknown }[];
  media: BackupMedia[];
}

export type BackupProblem =
  | { code: 'not-a-backup' }
  | { code: 'newer-version'; version: number }
  | { code: 'too-large' }
  | { code: 'bad-record'; part: string; index: number; field: string }
  | { code: 'dangling'; part: string; index: number; missing: string }
  | { code: 'duplicate'; part: string; id: string }
  | { code: 'missing-media'; file: string };

export type BackupCheck = { ok: true; backup: Backup } | { ok: false; problem: BackupProblem };

export const BACKUP_REMINDER_DAYS = 14;

/**
 * Whether to remind the user to back up: they have reviews, and the last backup — or, without one, the first
 * review — is more than 14 days old, and they did not ask to be reminded later.
 */
export function backupReminderDue(input: { now: number; lastBackupAt?: number; firstReviewAt: number | null; snoozedUntil?: number }): boolean {
  if (input.firstReviewAt === null) return false;
  if (input.snoozedUntil !== undefined && input.now < input.snoozedUntil) return false;
  const since = input.lastBackupAt ?? input.firstReviewAt;
  return input.now - since > BACKUP_REMINDER_DAYS * DAY;
}
