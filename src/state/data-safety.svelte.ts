/** The "Your data" panel: storage status, backup, restore and the review-log export. */
import type { BackupService, OpenedBackup } from '../adapters/backup-service.ts';
import type { ChangeChannel } from '../adapters/change-channel.ts';
import type { Clock } from '../adapters/clock.ts';
import { LAST_BACKUP_SETTING } from '../adapters/settings-repository.ts';
import type { Store } from '../adapters/store.ts';
import type { BackupProblem } from '../core/backup.ts';
import { exportBackup, exportReviewLog, sanitizeBackupBodies } from './backup.ts';

export type StorageState = { persistent: boolean | null; usage: number | null; quota: number | null };

export class DataSafety {
  storage = $state<StorageState>({ persistent: null, usage: null, quota: null });
  lastBackupAt = $state<number | null>(null);
  busy = $state<'backup' | 'csv' | 'reading' | 'restoring' | null>(null);
  /** What the last action came to, for the status line. */
  outcome = $state<'downloaded' | 'shared' | 'cancelled' | 'restored' | null>(null);
  refused = $state<BackupProblem | null>(null);
  /** A failure of storage or of the browser while doing it (see describeError). */
  failure = $state.raw<unknown>(null);
  /** A restore in progress: card HTML being checked, then records being written. */
  restoring = $state.raw<{ step: 'sanitizing' | 'writing'; done: number; total: number } | null>(null);
  /** A checked backup waiting for the user to confirm it replaces everything. */
  pending = $state.raw<(OpenedBackup & { ok: true }) | null>(null);

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly changes: ChangeChannel,
    private readonly backups: BackupService,
  ) {}

  async load(): Promise<void> {
    this.lastBackupAt = (await this.store.settings.get(LAST_BACKUP_SETTING)) ?? null;
    await this.readStorage();
  }

  private async readStorage(): Promise<void> {
    const storage = navigator.storage;
    const persistent = storage?.persisted ? await storage.persisted() : null;
    const estimate = storage?.estimate ? await storage.estimate() : {};
    this.storage = { persistent, usage: estimate.usage ?? null, quota: estimate.quota ?? null };
  }

  async askToPersist(): Promise<void> {
    await navigator.storage?.persist?.();
    await this.readStorage();
  }

  async backup(): Promise<void> {
    await this.run('backup', async () => {
      const { outcome, backedUpAt } = await exportBackup(this.store, this.backups, this.clock);
      this.outcome = outcome;
      this.lastBackupAt = backedUpAt ?? this.lastBackupAt;
    });
  }

  async exportCsv(): Promise<void> {
    await this.run('csv', async () => {
      const outcome = await exportReviewLog(this.backups, this.clock);
      this.outcome = outcome === 'cancelled' ? null : outcome;
    });
  }

  /** Opens the chosen file and checks it; nothing changes until confirmRestore(). */
  async chooseBackup(file: Blob): Promise<void> {
    await this.run('reading', async () => {
      const opened = await this.backups.open(file);
      if (opened.ok) this.pending = opened;
      else this.refused = opened.problem;
    });
  }

  cancelRestore(): void {
    this.pending = null;
  }

  async confirmRestore(): Promise<boolean> {
    const opened = this.pending;
    if (!opened) return false;
    await this.run('restoring', async () => {
      this.store.assertWritable();
      this.restoring = { step: 'sanitizing', done: 0, total: 1 };
      try {
        // User timings, so the bench can tell sanitizing (this page) from writing (the worker).
        const start = performance.now();
        await sanitizeBackupBodies(this.backups, opened.bodies, (done, total) => (this.restoring = { step: 'sanitizing', done, total }));
        const sanitized = performance.measure('repaso:restore-sanitize', { start }).duration + start;
        await this.backups.restore((done, total) => (this.restoring = { step: 'writing', done, total }));
        performance.measure('repaso:restore-write', { start: sanitized });
      } finally {
        this.restoring = null;
      }
      this.pending = null;
      this.changes.announce('restored');
      this.outcome = 'restored';
    });
    return this.outcome === 'restored';
  }

  private async run(action: NonNullable<DataSafety['busy']>, work: () => Promise<void>): Promise<void> {
    this.busy = action;
    this.outcome = null;
    this.refused = null;
    this.failure = null;
    try {
      await work();
    } catch (error) {
      this.failure = error;
    } finally {
      this.busy = null;
    }
  }
}
