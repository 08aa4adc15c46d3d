/**
 * Backup, restore and the review-log export, as one service. The app runs it in a module worker (see
 * backup-worker.ts), so zipping, checking and writing a large collection never freeze the page; unit tests run it
 * in the same thread. Card HTML is the one thing it cannot handle in a worker (DOMPurify needs a DOM): open()
 * hands the backup's card bodies out, and restore() takes them back sanitized.
 */
import type { BackupDocument, BackupProblem } from '../core/backup.ts';
import { reviewLogCsv } from '../core/review-csv.ts';
import { openBackupArchive, type OpenedArchive } from './backup-file.ts';
import type { Store } from './store.ts';
import { allReviews, archiveContent, exportArchive, replaceAll } from './store-backup.ts';
import type { ZipSource } from './zip-reader.ts';

export type CardBodies = BackupDocument['cardBodies'];

export type OpenedBackup =
  | { ok: true; exportedAt: number; cards: number; reviews: number; cardBodies: CardBodies }
  | { ok: false; problem: BackupProblem };

export interface BackupService {
  exportArchive(now: number): Promise<Uint8Array>;
  /** The review log in the FSRS optimizer's CSV layout. */
  exportReviewLog(): Promise<string>;
  /** Opens and checks a backup file, changing nothing; the file is kept for restore(). */
  open(file: Blob): Promise<OpenedBackup>;
  /** Replaces everything with the backup last opened, its card bodies replaced by `sanitized`. */
  restore(sanitized: CardBodies, onProgress: (done: number, total: number) => void): Promise<void>;
  dispose(): void;
}

export function backupService(openStore: () => Promise<Store>, sourceOf: (file: Blob) => Promise<ZipSource>): BackupService {
  let opened: OpenedArchive | null = null;
  let store: Store | null = null;
  const connected = async () => (store ??= await openStore());
  return {
    async exportArchive(now) {
      return exportArchive(await connected(), now);
    },
    async exportReviewLog() {
      const reviews = await allReviews(await connected());
      return reviewLogCsv(reviews.map((r) => ({ cardId: r.cardId, time: r.time, rating: r.rating, phaseBefore: r.before?.fsrs.phase ?? null, durationMs: r.durationMs })));
    },
    async open(file) {
      opened = null;
      const checked = openBackupArchive(await sourceOf(file));
      if (!checked.ok) return checked;
      opened = checked;
      return { ok: true, exportedAt: checked.document.exportedAt, cards: checked.cards, reviews: checked.reviews, cardBodies: checked.document.cardBodies };
    },
    async restore(sanitized, onProgress) {
      if (!opened) throw new Error('no backup was opened');
      const content = archiveContent(opened);
      await replaceAll(await connected(), { ...content, document: { ...content.document, cardBodies: sanitized } }, onProgress);
      opened = null;
    },
    dispose() {
      store?.close();
      store = null;
      opened = null;
    },
  };
}
