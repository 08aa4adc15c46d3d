/** The backup service (backup-service.ts) in a module worker: the page only sends requests and hears progress. */
import type { BackupService, CardBodies } from './backup-service.ts';
import { workerCalls } from './worker-calls.ts';

export type BackupRequest = { database: string } & (
  | { call: 'exportArchive'; now: number }
  | { call: 'exportReviewLog' }
  | { call: 'open'; file: Blob }
  | { call: 'restore'; sanitized: CardBodies }
);

export function workerBackupService(database: string): BackupService {
  const worker = workerCalls<BackupRequest>(new Worker(new URL('../workers/backup.worker.ts', import.meta.url), { type: 'module' }));
  return {
    exportArchive: (now) => worker.call({ database, call: 'exportArchive', now }),
    exportReviewLog: () => worker.call({ database, call: 'exportReviewLog' }),
    open: (file) => worker.call({ database, call: 'open', file }),
    restore: (sanitized, onProgress) => worker.call({ database, call: 'restore', sanitized }, onProgress),
    dispose: () => worker.terminate(),
  };
}
