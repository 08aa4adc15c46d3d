/** Runs one import (adapters/import-session.ts) off the page's thread: reading, planning and writing. */
import type { ImportRequest } from '../adapters/import-worker.ts';
import { ImportSession } from '../adapters/import-session.ts';
import type { PickedBlob, SelectedFile } from '../adapters/picked-files.ts';
import { Store } from '../adapters/store.ts';
import { blobSource } from './blob-source.ts';
import { serve } from './serve.ts';

function workerFile({ blob, name, path }: PickedBlob): SelectedFile {
  return {
    name,
    path,
    size: blob.size,
    bytes: async () => new Uint8Array(new FileReaderSync().readAsArrayBuffer(blob)),
    source: async () => blobSource(blob),
  };
}

let session: ImportSession | null = null;
const opened = async (database: string) => (session = new ImportSession(await Store.open(database)));
const current = () => {
  if (!session) throw new Error('no import was read');
  return session;
};

serve<ImportRequest>(async (request, progress) => {
  switch (request.call) {
    case 'read':
      return { result: await (await opened(request.database)).read(request.files.map(workerFile), progress) };
    case 'bundled':
      return { result: await (await opened(request.database)).bundled(request.files, request.hashes) };
    case 'html':
      return { result: current().html(request.start, request.count) };
    case 'sanitized':
      current().sanitized(request.start, request.clean);
      return { result: null };
    case 'apply':
      return { result: await current().apply(request.now) };
  }
});
