/**
 * Runs the backup service off the page's thread (see adapters/backup-worker.ts). Files are read with
 * FileReaderSync, a range at a time, so a large backup is never in memory whole.
 */
import type { BackupRequest } from '../adapters/backup-worker.ts';
import { backupService, type BackupService } from '../adapters/backup-service.ts';
import { Store } from '../adapters/store.ts';
import { blobSource } from './blob-source.ts';
import { serve } from './serve.ts';

let service: BackupService | null = null;
let database = '';

serve<BackupRequest>(async (request, progress) => {
  if (!service || request.database !== database) {
    service?.dispose();
    database = request.database;
    service = backupService(
      () => Store.open(database),
      async (file) => blobSource(file),
    );
  }
  switch (request.call) {
    case 'exportArchive': {
      const archive = await service.exportArchive(request.now);
      return { result: archive, transfer: [archive.buffer] };
    }
    case 'exportReviewLog':
      return { result: await service.exportReviewLog() };
    case 'open':
      return { result: await service.open(request.file) };
    case 'bodies':
      return { result: await service.bodies(request.start, request.count) };
    case 'sanitized':
      return { result: await service.sanitized(request.start, request.bodies) };
    case 'restore':
      return { result: await service.restore(progress) };
  }
});
