/** A Blob read a range at a time, synchronously: only workers have FileReaderSync. */
import type { ZipSource } from '../adapters/zip-reader.ts';

export function blobSource(blob: Blob): ZipSource {
  const reader = new FileReaderSync();
  return { size: blob.size, read: (offset, length) => new Uint8Array(reader.readAsArrayBuffer(blob.slice(offset, offset + length))) };
}
