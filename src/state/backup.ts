/** Backup, restore and the review-log export: the user's way to keep their data beyond this browser. */
import { datedFileName, readBackupArchive, writeBackupArchive } from '../adapters/backup-file.ts';
import type { Clock } from '../adapters/clock.ts';
import { pageSanitizer } from '../adapters/page-sanitizer.ts';
import { saveFile, type SaveOutcome } from '../adapters/save-file.ts';
import type { Store } from '../adapters/store.ts';
import { allReviews, exportAll, markBackedUp, replaceAll } from '../adapters/store-backup.ts';
import type { Backup, BackupProblem } from '../core/backup.ts';
import { reviewLogCsv } from '../core/review-csv.ts';

/**
 * Makes a backup and hands it to the user; only a file actually handed over counts as the last backup.
 * `backedUpAt` is that time, or null when the user cancelled.
 */
export async function exportBackup(store: Store, clock: Clock): Promise<{ outcome: SaveOutcome; backedUpAt: number | null }> {
  const now = clock.now();
  const { backup, files } = await exportAll(store, now);
  const outcome = await saveFile(writeBackupArchive(backup, files), datedFileName('repaso-backup', 'zip', new Date(now)), 'application/zip');
  if (outcome === 'cancelled') return { outcome, backedUpAt: null };
  await markBackedUp(store, now);
  return { outcome, backedUpAt: now };
}

export async function exportReviewLog(store: Store, clock: Clock): Promise<SaveOutcome> {
  const reviews = await allReviews(store);
  const csv = reviewLogCsv(
    reviews.map((r) => ({ cardId: r.cardId, time: r.time, rating: r.rating, phaseBefore: r.before?.fsrs.phase ?? null, durationMs: r.durationMs })),
  );
  return saveFile(csv, datedFileName('repaso-reviews', 'csv', new Date(clock.now())), 'text/csv');
}

export type OpenedBackup = { ok: true; backup: Backup; files: Map<string, Uint8Array>; cards: number; reviews: number } | { ok: false; problem: BackupProblem };

/**
 * Opens and checks a backup without changing anything, so the user can see what it holds before it replaces
 * their data. Card HTML goes through the sanitizer again: a backup is a file from outside, like notes.
 */
export function openBackup(bytes: Uint8Array): OpenedBackup {
  const opened = readBackupArchive(bytes);
  if (!opened.ok) return opened;
  const backup = sanitizeBodies(opened.backup);
  return { ok: true, backup, files: opened.files, cards: backup.cardRefs.reduce((sum, c) => sum + c.refs.length, 0), reviews: backup.log.length };
}

/** Replaces everything on this device with an opened backup, all at once. */
export function applyBackup(store: Store, opened: OpenedBackup & { ok: true }, onProgress?: (done: number, total: number) => void): Promise<void> {
  return replaceAll(store, opened.backup, opened.files, onProgress);
}

function sanitizeBodies(backup: Backup): Backup {
  const sanitizer = pageSanitizer();
  const cardBodies = backup.cardBodies.map(({ deckId, bodies }) => {
    const clean = sanitizer.sanitizeAll(bodies.flatMap((b) => [b.questionHtml, b.answerHtml]));
    return { deckId, bodies: bodies.map((body, i) => ({ ...body, questionHtml: clean[2 * i]!, answerHtml: clean[2 * i + 1]! })) };
  });
  return { ...backup, cardBodies };
}
