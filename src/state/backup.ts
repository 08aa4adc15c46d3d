/** Backup, restore and the review-log export: the user's way to keep their data beyond this browser. */
import type { BackupService } from '../adapters/backup-service.ts';
import { datedFileName } from '../adapters/backup-file.ts';
import type { Clock } from '../adapters/clock.ts';
import { sanitizeInSlices } from '../adapters/page-sanitizer.ts';
import { saveFile, type SaveOutcome } from '../adapters/save-file.ts';
import type { Store } from '../adapters/store.ts';
import { markBackedUp } from '../adapters/store-backup.ts';

/**
 * Makes a backup and hands it to the user; only a file actually handed over counts as the last backup.
 * `backedUpAt` is that time, or null when the user cancelled.
 */
export async function exportBackup(store: Store, backups: BackupService, clock: Clock): Promise<{ outcome: SaveOutcome; backedUpAt: number | null }> {
  const now = clock.now();
  const archive = await backups.exportArchive(now);
  const outcome = await saveFile(archive, datedFileName('repaso-backup', 'zip', new Date(now)), 'application/zip');
  if (outcome === 'cancelled') return { outcome, backedUpAt: null };
  await markBackedUp(store, now);
  return { outcome, backedUpAt: now };
}

export async function exportReviewLog(backups: BackupService, clock: Clock): Promise<SaveOutcome> {
  return saveFile(await backups.exportReviewLog(), datedFileName('repaso-reviews', 'csv', new Date(clock.now())), 'text/csv');
}

/** Cards whose bodies go to and from the backup worker in one message. */
const BODY_BATCH = 2000;

/**
 * Card HTML from a backup goes through the sanitizer again: a backup is a file from outside, like notes. A batch of
 * bodies at a time, sanitized in slices, so the page stays responsive however many cards the backup holds.
 */
export async function sanitizeBackupBodies(backups: BackupService, total: number, onProgress: (done: number, total: number) => void = () => {}): Promise<void> {
  for (let start = 0; start < total; start += BODY_BATCH) {
    onProgress(start, total);
    const bodies = await backups.bodies(start, BODY_BATCH);
    const clean = await sanitizeInSlices(bodies.flatMap((b) => [b.questionHtml, b.answerHtml]));
    await backups.sanitized(
      start,
      bodies.map((body, i) => ({ ...body, questionHtml: clean[2 * i]!, answerHtml: clean[2 * i + 1]! })),
    );
  }
  onProgress(total, total);
}
