/** Backup, restore and the review-log export: the user's way to keep their data beyond this browser. */
import type { BackupService, CardBodies } from '../adapters/backup-service.ts';
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

/**
 * Card HTML from a backup goes through the sanitizer again: a backup is a file from outside, like notes. In
 * slices, so the page stays responsive however many cards the backup holds.
 */
export async function sanitizeBodies(decks: CardBodies, onProgress: (done: number, total: number) => void = () => {}): Promise<CardBodies> {
  const bodies = decks.flatMap((deck) => deck.bodies);
  const clean = await sanitizeInSlices(
    bodies.flatMap((b) => [b.questionHtml, b.answerHtml]),
    (done, total) => onProgress(Math.floor(done / 2), total / 2),
  );
  let next = 0;
  return decks.map(({ deckId, bodies: list }) => ({
    deckId,
    bodies: list.map((body) => {
      const i = next++;
      return { ...body, questionHtml: clean[2 * i]!, answerHtml: clean[2 * i + 1]! };
    }),
  }));
}
