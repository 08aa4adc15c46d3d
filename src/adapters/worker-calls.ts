/**
 * Calls into a module worker: one promise per request, progress on the way, and a storage failure in the worker
 * coming back as the same StoreError the page would have had. The worker side is src/workers/serve.ts.
 */
import { StoreError, type StoreErrorKind } from './store-error.ts';

export type WorkerAnswer = { id: number; result: unknown } | { id: number; progress: [number, number] } | { id: number; error: { kind: StoreErrorKind | null; message: string } };

export type Progress = (done: number, total: number) => void;

export interface WorkerCalls<Request> {
  call<T>(request: Request, onProgress?: Progress): Promise<T>;
  terminate(): void;
}

export function workerCalls<Request extends object>(worker: Worker): WorkerCalls<Request> {
  let nextId = 0;
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: unknown) => void; progress: Progress | undefined }>();
  const failAll = (error: Error) => {
    for (const call of pending.values()) call.reject(error);
    pending.clear();
  };
  worker.addEventListener('message', (event: MessageEvent<WorkerAnswer>) => {
    const answer = event.data;
    const call = pending.get(answer.id);
    if (!call) return;
    if ('progress' in answer) return call.progress?.(...answer.progress);
    pending.delete(answer.id);
    if ('result' in answer) call.resolve(answer.result);
    else call.reject(answer.error.kind ? new StoreError(answer.error.kind, new Error(answer.error.message)) : new Error(answer.error.message));
  });
  worker.addEventListener('error', (event) => failAll(new Error(event.message || 'a worker stopped')));
  return {
    call<T>(request: Request, onProgress?: Progress) {
      return new Promise<T>((resolve, reject) => {
        const id = ++nextId;
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject, progress: onProgress });
        worker.postMessage({ id, ...request });
      });
    },
    terminate() {
      worker.terminate();
      failAll(new Error('stopped'));
    },
  };
}
