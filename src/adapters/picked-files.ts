/** What the user picked, read lazily; kept apart from note-files.ts so the zip reader loads only when needed. */
import { bytesSource, type ZipSource } from './zip-reader.ts';

export interface SelectedFile {
  name: string;
  /** A folder pick's relative path (webkitRelativePath), or the name. */
  path: string;
  size: number;
  bytes(): Promise<Uint8Array>;
  /** The file as a zip, read a range at a time where the runtime allows it. */
  source(): Promise<ZipSource>;
}

/** A picked file as the page hands it to the import worker: a Blob is a handle, cheap to send. */
export interface PickedBlob {
  blob: Blob;
  name: string;
  path: string;
}

export function pickedBlobs(files: Iterable<File>): PickedBlob[] {
  return [...files].map((file) => ({ blob: file, name: file.name, path: file.webkitRelativePath || file.name }));
}

/** A picked file read whole when asked (the page, tests). Workers read ranges instead (see import.worker.ts). */
export function blobFile({ blob, name, path }: PickedBlob): SelectedFile {
  const bytes = async () => new Uint8Array(await blob.arrayBuffer());
  return { name, path, size: blob.size, bytes, source: async () => bytesSource(await bytes()) };
}

/** A file given as bytes (tests, notes shared as text). */
export function bytesFile(path: string, bytes: Uint8Array): SelectedFile {
  return { name: path.split('/').pop()!, path, size: bytes.byteLength, bytes: async () => bytes, source: async () => bytesSource(bytes) };
}
