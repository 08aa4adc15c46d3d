/**
 * Runs the backup service off the page's thread (see adapters/backup-worker.ts). Files are read with
 * FileReaderSync, a range at a time, so a large backup is never in memory whole.
 */
import { backupService, type BackupService } from '../adapters/backup-service.ts';
import type { WorkerAnswer, WorkerRequest } from '../adapters/backup-worker.ts';
import { Store, StoreError } from '../adapters/store.ts';
import type { ZipSource } from '../adapters/zip-reader.ts';

declare const self: DedicatedWorkerGlobalScope;

function fileSource(file: Blob): ZipSource {
  const reader = new FileReaderSync();
  return { size: file.size, read: (offset, length) => new Uint8Array(reader.readAsArrayBuffer(file.slice(offset, offset + length))) };
}

let service: BackupService | null = null;
let database = '';

self.addEventListener('message', (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  if (!service || request.database !== database) {
    service?.dispose();
    database = request.database;
    service = backupService(() => Store.open(database), async (file) => fileSource(file));
  }
  const answer = (message: WorkerAnswer, transfer: Transferable[] = []) => self.postMessage(message, transfer);
  const run = (): Promise<unknown> => {
    switch (request.call) {
      case 'exportArchive':
        return service!.exportArchive(request.now);
      case 'exportReviewLog':
        return service!.exportReviewLog();
      case 'open':
        return service!.open(request.file);
      case 'restore':
        return service!.restore(request.sanitized, (done, total) => answer({ id: request.id, progress: [done, total] }));
    }
  };
  run().then(
    (result) => answer({ id: request.id, result }, result instanceof Uint8Array ? [result.buffer] : []),
    (error: unknown) => answer({ id: request.id, error: { kind: error instanceof StoreError ? error.kind : null, message: error instanceof Error ? error.message : String(error) } }),
  );
});
