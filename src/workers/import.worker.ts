/** Reads and builds imported notes off the page's thread (see adapters/import-worker.ts). */
import type { ImportRequest } from '../adapters/import-worker.ts';
import type { PickedBlob, SelectedFile } from '../adapters/picked-files.ts';
import { readNotes } from '../adapters/read-notes.ts';
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

serve<ImportRequest>(async (request, progress) => {
  const read = await readNotes(request.files.map(workerFile), progress);
  return { result: read, transfer: [...read.images.values()].map((bytes) => bytes.buffer) };
});
