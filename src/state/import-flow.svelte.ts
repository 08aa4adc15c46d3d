/** The Import screen's steps: pick → read and plan (preview) → confirm → applied. Nothing is written before confirm. */
import type { ImportPreview } from '../adapters/import-notes.ts';
import type { NoteReader } from '../adapters/import-worker.ts';
import { blobFile, type PickedBlob } from '../adapters/picked-files.ts';
import { StoreError } from '../adapters/store.ts';
import type { DeckFile } from '../core/types.ts';
import type { StudyContext } from './study-context.ts';

export type ImportStatus = 'pick' | 'reading' | 'preview' | 'applying' | 'done';

const loadImporter = () => import('../adapters/import-notes.ts');

/** Reads in this thread: for tests. The app hands in readInWorker (adapters/import-worker.ts). */
export const readInThread: NoteReader = async (files, onProgress) => {
  const { readNotes } = await import('../adapters/read-notes.ts');
  return readNotes(files.map(blobFile), onProgress);
};

export class ImportFlow {
  status = $state<ImportStatus>('pick');
  progress = $state.raw<{ done: number; total: number } | null>(null);
  preview = $state.raw<ImportPreview | null>(null);
  error = $state.raw<unknown>(null);
  /** The decks changed in another window while the preview was open: it was planned again, for a new look. */
  replanned = $state(false);

  constructor(
    private readonly context: Pick<StudyContext, 'store' | 'clock' | 'changes'>,
    private readonly readNotes: NoteReader = readInThread,
  ) {}

  get hasChanges(): boolean {
    return [...(this.preview?.summaries.values() ?? [])].some((s) => s.fresh + s.changed + s.moved + s.revived + s.retired > 0) ||
      (this.preview?.plan.decks.some((d) => d.matched === null) ?? false);
  }

  async pick(files: PickedBlob[]): Promise<void> {
    await this.step('reading', async () => {
      const [importer, read] = await Promise.all([loadImporter(), this.readNotes(files, (done, total) => (this.progress = { done, total }))]);
      this.progress = null;
      this.preview = await importer.planNotes(this.context.store, read);
      this.status = 'preview';
    });
  }

  async reviewBundledUpdate(files: DeckFile[], hashes: Map<string, string>): Promise<void> {
    await this.step('reading', async () => {
      const importer = await loadImporter();
      this.preview = await importer.prepareBundledUpdate(this.context.store, files, hashes);
      this.status = 'preview';
    });
  }

  async confirm(): Promise<void> {
    const preview = this.preview;
    if (!preview || this.status !== 'preview') return;
    await this.step('applying', async () => {
      const importer = await loadImporter();
      try {
        await importer.applyImport(this.context.store, preview, this.context.clock.now());
      } catch (error) {
        if (!(error instanceof StoreError && error.kind === 'stale')) throw error;
        // Nothing was written. Show the plan as it would be now, and let the user confirm that one.
        this.preview = await importer.replan(this.context.store, preview);
        this.replanned = true;
        this.status = 'preview';
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
