/** The worker side of adapters/worker-calls.ts: answers each request with its result, its progress, or its error. */
import type { WorkerAnswer } from '../adapters/worker-calls.ts';
import { StoreError } from '../adapters/store-error.ts';

declare const self: DedicatedWorkerGlobalScope;

export function serve<Request extends object>(
  handle: (request: Request, progress: (done: number, total: number) => void) => Promise<{ result: unknown; transfer?: Transferable[] }>,
): void {
  self.addEventListener('message', (event: MessageEvent<Request & { id: number }>) => {
    const { id } = event.data;
    const answer = (message: WorkerAnswer, transfer: Transferable[] = []) => self.postMessage(message, transfer);
    handle(event.data, (done, total) => answer({ id, progress: [done, total] })).then(
      ({ result, transfer }) => answer({ id, result }, transfer),
      (error: unknown) => answer({ id, error: { kind: error instanceof StoreError ? error.kind : null, message: error instanceof Error ? error.message : String(error) } }),
    );
  });
}
