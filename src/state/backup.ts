/** Backup, restore and the review-log export: the user's way to keep their data beyond this browser. */
import type { BackupService, CardBodies } from '../adapters/backup-service.ts';
import { datedFileName } from '../adapters/backup-file.ts';
import type { Clock } from '../adapters/clock.ts';
import { pageSanitizer } from '../adapters/page-sanitizer.ts';
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

/** Cards sanitized at once before the page gets a frame to draw: a slice takes a few tens of milliseconds. */
const SANITIZE_SLICE = 150;

/**
 * Card HTML from a backup goes through the sanitizer again: a backup is a file from outside, like notes. In
 * slices, so the page stays responsive however many cards the backup holds.
 */
export async function sanitizeBodies(decks: CardBodies, onProgress: (done: number, total: number) => void = () => {}): Promise<CardBodies> {
  const sanitizer = pageSanitizer();
  const total = decks.reduce((sum, deck) => sum + deck.bodies.length, 0);
  let done = 0;
  const clean: CardBodies = [];
  for (const { deckId, bodies } of decks) {
    const sanitized = [];
    for (let start = 0; start < bodies.length; start += SANITIZE_SLICE) {
      const slice = bodies.slice(start, start + SANITIZE_SLICE);
      const html = sanitizer.sanitizeAll(slice.flatMap((b) => [b.questionHtml, b.answerHtml]));
      sanitized.push(...slice.map((body, i) => ({ ...body, questionHtml: html[2 * i]!, answerHtml: html[2 * i + 1]! })));
      done += slice.length;
      onProgress(done, total);
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    clean.push({ deckId, bodies: sanitized });
  }
  return clean;
}
