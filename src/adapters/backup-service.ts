/**
 * Backup, restore and the review-log export, as one service. The app runs it in a module worker (see
 * backup-worker.ts), so zipping, checking and writing a large collection never freeze the page; unit tests run it
 * in the same thread. Card HTML is the one thing it cannot handle in a worker (DOMPurify needs a DOM): the page
 * takes the backup's card bodies that need it a batch at a time (bodies) and gives them back sanitized (sanitized);
 * bodies of plain text and bare formatting tags (core/inert-html.ts) need no sanitizer and stay here.
 */
import type { BackupDocument, BackupProblem } from '../core/backup.ts';
import { isInertHtml } from '../core/inert-html.ts';
import { isReview } from '../core/records.ts';
import { reviewLogCsv } from '../core/review-csv.ts';
import { openBackupArchive, type OpenedArchive } from './backup-file.ts';
import type { Store } from './store.ts';
import { allReviews, archiveContent, exportArchive, replaceAll } from './store-backup.ts';
import type { ZipSource } from './zip-reader.ts';

export type CardBody = BackupDocument['cardBodies'][number]['bodies'][number];

/** `bodies`: how many card bodies the page must sanitize before restore(). */
export type OpenedBackup = { ok: true; exportedAt: number; cards: number; reviews: number; bodies: number } | { ok: false; problem: BackupProblem };

export interface BackupService {
  exportArchive(now: number): Promise<Uint8Array>;
  /** The review log in the FSRS optimizer's CSV layout. */
  exportReviewLog(): Promise<string>;
  /** Opens and checks a backup file, changing nothing; the file is kept for restore(). */
  open(file: Blob): Promise<OpenedBackup>;
  /** `count` card bodies of the backup last opened, from body `start` (deck after deck), to sanitize. */
  bodies(start: number, count: number): Promise<CardBody[]>;
  /** Those bodies, sanitized, in the same order. */
  sanitized(start: number, bodies: CardBody[]): Promise<void>;
  /** Replaces everything with the backup last opened, once all its bodies came back sanitized. */
  restore(onProgress: (done: number, total: number) => void): Promise<void>;
  dispose(): void;
}

export function backupService(openStore: () => Promise<Store>, sourceOf: (file: Blob) => Promise<ZipSource>): BackupService {
  let opened: OpenedArchive | null = null;
  let store: Store | null = null;
  /** The backup's bodies the page must sanitize, in one list (deck after deck), and how many came back. */
  let bodies: CardBody[] = [];
  let sanitized = 0;
  const connected = async () => (store ??= await openStore());
  const archive = () => {
    if (!opened) throw new Error('no backup was opened');
    return opened;
  };
  return {
    async exportArchive(now) {
      return exportArchive(await connected(), now);
    },
    async exportReviewLog() {
      const reviews = await allReviews(await connected());
      return reviewLogCsv(reviews.filter(isReview).map((r) => ({ cardId: r.cardId, time: r.time, rating: r.rating, phaseBefore: r.phaseBefore, durationMs: r.durationMs })));
    },
    async open(file) {
      opened = null;
      const checked = openBackupArchive(await sourceOf(file));
      if (!checked.ok) return checked;
      opened = checked;
      bodies = checked.document.cardBodies.flatMap((deck) => deck.bodies.filter((body) => !isInertHtml(body.questionHtml) || !isInertHtml(body.answerHtml)));
      sanitized = 0;
      return { ok: true, exportedAt: checked.document.exportedAt, cards: checked.cards, reviews: checked.reviews, bodies: bodies.length };
    },
    async bodies(start, count) {
      archive();
      return bodies.slice(start, start + count);
    },
    async sanitized(start, clean) {
      archive();
      if (start + clean.length > bodies.length || clean.some((body, i) => body.id !== bodies[start + i]!.id)) throw new Error('the sanitized cards do not match the backup');
      bodies.splice(start, clean.length, ...clean);
      sanitized += clean.length;
    },
    async restore(onProgress) {
      const backup = archive();
      if (sanitized < bodies.length) throw new Error('a backup cannot be restored before its card HTML is sanitized');
      const byId = new Map(bodies.map((body) => [body.id, body]));
      const cardBodies = backup.document.cardBodies.map(({ deckId, bodies: list }) => ({ deckId, bodies: list.map((body) => byId.get(body.id) ?? body) }));
      const content = archiveContent(backup);
      await replaceAll(await connected(), { ...content, document: { ...content.document, cardBodies } }, onProgress);
      opened = null;
      bodies = [];
    },
    dispose() {
      store?.close();
      store = null;
      opened = null;
      bodies = [];
    },
  };
}
