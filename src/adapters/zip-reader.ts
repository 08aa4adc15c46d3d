/**
 * Reads zip archives entry by entry: the central directory in a plain loop, each entry inflated by fflate's
 * streaming Inflate in small steps, its size and CRC-32 checked against the directory. fflate's own readers do not
 * fit here: `Unzip` recurses once per entry (about 3,800 entries overflow the stack), and `unzipSync` neither
 * checks CRCs nor stops an entry that inflates past the size it declares (a zip bomb that lies about its sizes).
 *
 * The archive comes as a ZipSource that reads byte ranges on demand, so a large file never has to be in memory
 * whole: bytes in memory (tests), or a File read with FileReaderSync in a worker.
 */
import { Inflate } from 'fflate';

export interface ZipSource {
  readonly size: number;
  read(offset: number, length: number): Uint8Array;
}

export function bytesSource(bytes: Uint8Array): ZipSource {
  return { size: bytes.byteLength, read: (offset, length) => bytes.subarray(offset, offset + length) };
}

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  /** The size the directory declares once inflated; an entry that inflates past it is refused. */
  size: number;
  crc: number;
  encrypted: boolean;
  headerOffset: number;
}

export type ZipProblem = 'not-a-zip' | 'corrupt' | 'unsupported' | 'too-large';

export class ZipError extends Error {
  constructor(
    readonly problem: ZipProblem,
    detail: string,
    /** The entry it is about, if any. */
    readonly entry?: string,
  ) {
    super(detail);
    this.name = 'ZipError';
  }
}

const EOCD = 0x06054b50;
const EOCD64 = 0x06064b50;
const EOCD64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_COMMENT = 65_535;
/** Compressed bytes handed to the inflater at once: a step can produce at most ~1,000 times as much. */
const STEP = 16 * 1024;

const u16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number) => (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
const u64 = (b: Uint8Array, at: number) => u32(b, at) + u32(b, at + 4) * 2 ** 32;

/** Every entry of the archive's central directory, in order. Refuses more than `maxEntries`. */
export function listEntries(source: ZipSource, { maxEntries = Infinity }: { maxEntries?: number } = {}): ZipEntry[] {
  const tailLength = Math.min(source.size, 22 + MAX_COMMENT);
  const tail = source.read(source.size - tailLength, tailLength);
  let end = -1;
  for (let at = tail.length - 22; at >= 0; at--) {
    if (u32(tail, at) === EOCD) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new ZipError('not-a-zip', 'no end of central directory');
  let count = u16(tail, end + 10);
  let directorySize = u32(tail, end + 12);
  let directoryOffset = u32(tail, end + 16);
  const endOffset = source.size - tailLength + end;
  if (endOffset >= 20) {
    const locator = source.read(endOffset - 20, 20);
    if (u32(locator, 0) === EOCD64_LOCATOR) {
      const record = source.read(u64(locator, 8), 56);
      if (u32(record, 0) !== EOCD64) throw new ZipError('corrupt', 'bad zip64 end of central directory');
      count = u64(record, 32);
      directorySize = u64(record, 40);
      directoryOffset = u64(record, 48);
    }
  }
  if (count > maxEntries) throw new ZipError('too-large', `${count} entries`);
  if (directoryOffset + directorySize > source.size) throw new ZipError('corrupt', 'central directory outside the file');
  const directory = source.read(directoryOffset, directorySize);
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder();
  let at = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > directory.length || u32(directory, at) !== CENTRAL) throw new ZipError('corrupt', `bad directory record ${i}`);
    const flags = u16(directory, at + 8);
    const nameLength = u16(directory, at + 28);
    const extraLength = u16(directory, at + 30);
    const commentLength = u16(directory, at + 32);
    const name = decoder.decode(directory.subarray(at + 46, at + 46 + nameLength));
    const entry: ZipEntry = {
      name,
      method: u16(directory, at + 10),
      crc: u32(directory, at + 16),
      compressedSize: u32(directory, at + 20),
      size: u32(directory, at + 24),
      headerOffset: u32(directory, at + 42),
      encrypted: (flags & 1) === 1,
    };
    readZip64Extra(entry, directory.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength));
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Sizes and offsets that do not fit 32 bits are 0xFFFFFFFF in the record and stand in the zip64 extra field. */
function readZip64Extra(entry: ZipEntry, extra: Uint8Array): void {
  const MAX = 0xffffffff;
  for (let at = 0; at + 4 <= extra.length; at += 4 + u16(extra, at + 2)) {
    if (u16(extra, at) !== 1) continue;
    let field = at + 4;
    if (entry.size === MAX) {
      entry.size = u64(extra, field);
      field += 8;
    }
    if (entry.compressedSize === MAX) {
      entry.compressedSize = u64(extra, field);
      field += 8;
    }
    if (entry.headerOffset === MAX) entry.headerOffset = u64(extra, field);
    return;
  }
}

/**
 * An entry's bytes, inflated. Throws `too-large` when it declares more than `maxBytes`, `corrupt` when it inflates
 * to more or less than it declares or its CRC-32 differs, `unsupported` for encryption or another compression.
 */
export function readEntry(source: ZipSource, entry: ZipEntry, { maxBytes = Infinity }: { maxBytes?: number } = {}): Uint8Array {
  if (entry.encrypted) throw new ZipError('unsupported', `${entry.name} is encrypted`, entry.name);
  if (entry.method !== 0 && entry.method !== 8) throw new ZipError('unsupported', `${entry.name} uses compression method ${entry.method}`, entry.name);
  if (entry.size > maxBytes) throw new ZipError('too-large', `${entry.name} declares ${entry.size} bytes`, entry.name);
  const header = source.read(entry.headerOffset, 30);
  if (header.length < 30 || u32(header, 0) !== LOCAL) throw new ZipError('corrupt', `no local header for ${entry.name}`, entry.name);
  const start = entry.headerOffset + 30 + u16(header, 26) + u16(header, 28);
  if (start + entry.compressedSize > source.size) throw new ZipError('corrupt', `${entry.name} runs past the end of the file`, entry.name);
  const out = entry.method === 0 ? source.read(start, entry.compressedSize).slice() : inflate(source, start, entry);
  if (out.length !== entry.size) throw new ZipError('corrupt', `${entry.name} is ${out.length} bytes, not ${entry.size}`, entry.name);
  if (crc32(out) !== entry.crc) throw new ZipError('corrupt', `${entry.name} fails its CRC check`, entry.name);
  return out;
}

function inflate(source: ZipSource, start: number, entry: ZipEntry): Uint8Array {
  const out = new Uint8Array(entry.size);
  let written = 0;
  let done = false;
  const inflater = new Inflate((chunk, final) => {
    if (written + chunk.length > out.length) throw new ZipError('corrupt', `${entry.name} inflates past the ${entry.size} bytes it declares`, entry.name);
    out.set(chunk, written);
    written += chunk.length;
    done ||= final;
  });
  // Read at once (a file read per step would cost more than the inflating), inflated a step at a time.
  const compressed = source.read(start, entry.compressedSize);
  try {
    for (let at = 0; at < compressed.length && !done; at += STEP) {
      const end = Math.min(compressed.length, at + STEP);
      inflater.push(compressed.subarray(at, end), end >= compressed.length);
    }
  } catch (error) {
    if (error instanceof ZipError) throw error;
    throw new ZipError('corrupt', `${entry.name} cannot be inflated (${error instanceof Error ? error.message : String(error)})`, entry.name);
  }
  return out.subarray(0, written);
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = CRC_TABLE[(crc ^ bytes[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
