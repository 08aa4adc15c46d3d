/** The backup service (backup-service.ts) in a module worker: the page only sends requests and hears progress. */
import type { BackupService, CardBody } from './backup-service.ts';
import { workerCalls } from './worker-calls.ts';

export type BackupRequest = { database: string } & (
  | { call: 'exportArchive'; now: number }
  | { call: 'exportReviewLog' }
  | { call: 'open'; file: Blob }
  | { call: 'bodies'; start: number; count: number }
  | { call: 'sanitized'; start: number; bodies: CardBody[] }
  | { call: 'restore' }
);

export function workerBackupService(database: string): BackupService {
  const worker = workerCalls<BackupRequest>(new Worker(new URL('../workers/backup.worker.ts', import.meta.url), { type: 'module' }));
  return {
    exportArchive: (now) => worker.call({ database, call: 'exportArchive', now }),
    exportReviewLog: () => worker.call({ database, call: 'exportReviewLog' }),
    open: (file) => worker.call({ database, call: 'open', file }),
    bodies: (start, count) => worker.call({ database, call: 'bodies', start, count }),
    sanitized: (start, bodies) => worker.call({ database, call: 'sanitized', start, bodies }),
    restore: (onProgress) => worker.call({ database, call: 'restore' }, onProgress),
    dispose: () => worker.terminate(),
  };
}
