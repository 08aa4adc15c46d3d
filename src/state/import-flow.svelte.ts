/**
 * The Import screen's steps: pick → read and plan (preview) → confirm → applied. Nothing is written before confirm.
 * The work happens in an ImportBackend (the import worker in the app); the page sanitizes the plan's HTML, in
 * slices, since DOMPurify needs a DOM.
 */
import type { ImportBackend, PreviewView } from '../adapters/import-session.ts';
import { sanitizeInSlices } from '../adapters/page-sanitizer.ts';
import type { PickedBlob } from '../adapters/picked-files.ts';
import type { DeckFile } from '../core/types.ts';
import type { StudyContext } from './study-context.ts';

/** Cards whose HTML goes to and from the worker in one message. */
const SANITIZE_BATCH = 2000;

export type ImportStatus = 'pick' | 'reading' | 'checking' | 'preview' | 'applying' | 'done';

export class ImportFlow {
  status = $state<ImportStatus>('pick');
  progress = $state.raw<{ done: number; total: number } | null>(null);
  preview = $state.raw<PreviewView | null>(null);
  error = $state.raw<unknown>(null);
  /** The decks changed in another window while the preview was open: it was planned again, for a new look. */
  replanned = $state(false);
  /** `backend`: the import worker in the app (workerImports), the same session in this thread in tests (inThreadImports). */
  constructor(
    private readonly context: Pick<StudyContext, 'store' | 'clock' | 'changes'>,
    private readonly backend: ImportBackend,
  ) {}

  get hasChanges(): boolean {
    return this.preview?.hasChanges ?? false;
  }

  async pick(files: PickedBlob[]): Promise<void> {
    await this.step('reading', async () => {
      const view = await this.backend.read(files, (done, total) => (this.progress = { done, total }));
      await this.show(view);
    });
  }

  async reviewBundledUpdate(files: DeckFile[], hashes: Map<string, string>): Promise<void> {
    await this.step('reading', async () => this.show(await this.backend.bundled(files, hashes)));
  }

  async confirm(): Promise<void> {
    if (!this.preview || this.status !== 'preview') return;
    await this.step('applying', async () => {
      this.context.store.assertWritable();
      const outcome = await this.backend.apply(this.context.clock.now());
      if (!outcome.applied) {
        // Nothing was written. Show the plan as it would be now, and let the user confirm that one.
        await this.show(outcome.preview);
        this.replanned = true;
        return;
      }
      this.context.changes.announce('decks');
      this.replanned = false;
      this.status = 'done';
    });
  }

  cancel(): void {
    this.replanned = false;
    this.preview = null;
    this.progress = null;
    this.error = null;
    this.status = 'pick';
  }

  dispose(): void {
    this.backend.dispose();
  }

  /**
   * The plan's HTML sanitized (the page's part of the work), a batch of cards at a time so that no message or
   * slice holds the page up, then the preview.
   */
  private async show(view: PreviewView): Promise<void> {
    this.progress = null;
    if (view.toSanitize > 0) this.status = 'checking';
    for (let start = 0; start < view.toSanitize; start += SANITIZE_BATCH) {
      this.progress = { done: start, total: view.toSanitize };
      const html = await this.backend.html(start, SANITIZE_BATCH);
      await this.backend.sanitized(start, await sanitizeInSlices(html));
    }
    this.preview = { ...view, toSanitize: 0 };
    this.status = 'preview';
  }

  private async step(status: ImportStatus, work: () => Promise<void>): Promise<void> {
    const before = this.status;
    this.status = status;
    this.error = null;
    try {
      await work();
    } catch (error) {
      this.error = error;
      this.status = before;
    } finally {
      this.progress = null;
    }
  }
}
