/**
 * The backup service in a module worker: the page only sends requests and hears progress. Requests and answers
 * are plain messages; a storage failure in the worker comes back as the same StoreError the page would have had.
 */
import type { BackupService, CardBodies } from './backup-service.ts';
import { StoreError, type StoreErrorKind } from './store.ts';

type Call = { call: 'exportArchive'; now: number } | { call: 'exportReviewLog' } | { call: 'open'; file: Blob } | { call: 'restore'; sanitized: CardBodies };

export type WorkerRequest = { id: number; database: string } & Call;
export type WorkerAnswer =
  | { id: number; result: unknown }
  | { id: number; progress: [number, number] }
  | { id: number; error: { kind: StoreErrorKind | null; message: string } };

export function workerBackupService(database: string): BackupService {
  const worker = new Worker(new URL('../workers/backup.worker.ts', import.meta.url), { type: 'module' });
  let nextId = 0;
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: unknown) => void; progress?: (done: number, total: number) => void }>();
  worker.addEventListener('message', (event: MessageEvent<WorkerAnswer>) => {
    const answer = event.data;
    const call = pending.get(answer.id);
    if (!call) return;
    if ('progress' in answer) return call.progress?.(...answer.progress);
    pending.delete(answer.id);
    if ('result' in answer) call.resolve(answer.result);
    else call.reject(answer.error.kind ? new StoreError(answer.error.kind, new Error(answer.error.message)) : new Error(answer.error.message));
  });
  worker.addEventListener('error', (event) => {
    for (const call of pending.values()) call.reject(new Error(event.message || 'the backup worker stopped'));
    pending.clear();
  });
  const send = <T>(request: Call, progress?: (done: number, total: number) => void) =>
    new Promise<T>((resolve, reject) => {
      const id = ++nextId;
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject, ...(progress ? { progress } : {}) });
      worker.postMessage({ id, database, ...request } satisfies WorkerRequest);
    });
  return {
    exportArchive: (now) => send({ call: 'exportArchive', now }),
    exportReviewLog: () => send({ call: 'exportReviewLog' }),
    open: (file) => send({ call: 'open', file }),
    restore: (sanitized, onProgress) => send({ call: 'restore', sanitized }, onProgress),
    dispose: () => worker.terminate(),
  };
}
