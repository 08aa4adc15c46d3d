/** Reading imported notes (read-notes.ts) in a module worker: the page stays free to draw meanwhile. */
import type { PickedBlob } from './picked-files.ts';
import type { Progress, ReadNotes } from './read-notes.ts';
import { workerCalls } from './worker-calls.ts';

export interface ImportRequest {
  call: 'read';
  files: PickedBlob[];
}

export type NoteReader = (files: PickedBlob[], onProgress: Progress) => Promise<ReadNotes>;

/**
 * One worker per reading, stopped when it answers: a zip bomb or a huge note costs nothing once refused, and the
 * worker's memory goes back at once.
 */
export const readInWorker: NoteReader = async (files, onProgress) => {
  const worker = workerCalls<ImportRequest>(new Worker(new URL('../workers/import.worker.ts', import.meta.url), { type: 'module' }));
  try {
    return await worker.call<ReadNotes>({ call: 'read', files }, onProgress);
  } finally {
    worker.terminate();
  }
};
