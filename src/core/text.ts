/** Text hygiene shared by the extractor, the build script and the in-app import. */
import { remembered } from './memo.ts';

export const MAX_NOTE_BYTES = 2 * 1024 * 1024;

/** Why a note is refused: as a code for screens to word, and as an English sentence for the build script. */
export type NoteRefusal = { code: 'note-too-large'; megabytes: number } | { code: 'binary' };

export type DecodedNote = { ok: true; text: string } | ({ ok: false; reason: string } & NoteRefusal);

/** Decodes note bytes (invalid UTF-8 becomes U+FFFD) and refuses what is not a text note. */
export function decodeNote(input: Uint8Array | string): DecodedNote {
  if (typeof input === 'string') {
    if (input.length > MAX_NOTE_BYTES) return tooLarge(input.length);
    if (input.includes('\u0000')) return binary();
    return { ok: true, text: cleanText(input) };
  }
  const utf16 = utf16Encoding(input);
  if (utf16) {
    // Sized by characters, as a UTF-8 note would be: the same note saved as UTF-16 takes twice the bytes.
    if (input.byteLength / 2 > MAX_NOTE_BYTES) return tooLarge(input.byteLength / 2);
    const text = new TextDecoder(utf16, { fatal: false }).decode(input);
    return text.includes('\u0000') ? binary() : { ok: true, text: cleanText(text) };
  }
  if (input.byteLength > MAX_NOTE_BYTES) return tooLarge(input.byteLength);
  if (looksBinary(input)) return binary();
  return { ok: true, text: cleanText(new TextDecoder('utf-8', { fatal: false }).decode(input)) };
}

/**
 * Notes saved as UTF-16 (Windows editors do): by their byte-order mark, or — with none — by a text whose every
 * other byte is zero, as ASCII and Latin letters are in UTF-16.
 */
function utf16Encoding(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const sample = bytes.subarray(0, 4096 & ~1);
  if (sample.length < 8) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample.length; i += 2) {
    if (sample[i] === 0) evenZeros++;
    if (sample[i + 1] === 0) oddZeros++;
  }
  const pairs = sample.length / 2;
  if (oddZeros > pairs * 0.9 && evenZeros === 0) return 'utf-16le';
  if (evenZeros > pairs * 0.9 && oddZeros === 0) return 'utf-16be';
  return null;
}

function tooLarge(size: number): DecodedNote {
  const megabytes = Math.round((size / 1024 / 1024) * 10) / 10;
  return { ok: false, code: 'note-too-large', megabytes, reason: `note is ${megabytes.toFixed(1)} MB; notes over 2 MB are refused — split it into smaller pages` };
}

function binary(): DecodedNote {
  return { ok: false, code: 'binary', reason: 'not a text file (it contains binary data) — only Markdown notes can be imported' };
}

function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 7 || (b > 13 && b < 32 && b !== 27)) control++;
  }
  return sample.length > 0 && control / sample.length > 0.1;
}

/** BOM removed, every line ending as LF, NFC so that "é" typed two ways is one key. */
export function cleanText(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .normalize('NFC');
}

const ASCII = /^\p{ASCII}*$/u;

/** Plain ASCII: no accents to fold, nothing to normalize. */
export function isAscii(text: string): boolean {
  return ASCII.test(text);
}

/** The form of a question used inside keys: NFC, lower case, no ¿?¡!:*_ marks, spaces collapsed. Accents kept. */
export function normalizeKeyText(text: string): string {
  // Plain ASCII is in NFC already, and most questions are.
  return (isAscii(text) ? text : text.normalize('NFC'))
    .toLowerCase()
    .replace(/[¿?¡!:*_]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Accents and case folded away: for loose comparisons (matching, skip lists), never for keys. */
// Marked pure so that bundles that take only other helpers of this module leave it out.
export const foldText = /* @__PURE__ */ remembered((text: string): string => {
  // Decomposing is the costly step, and plain ASCII has no accents to remove.
  const bare = isAscii(text) ? text : text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  return bare.toLowerCase().replace(/\s+/g, ' ').trim();
});

export function slugify(text: string): string {
  const slug = foldText(text)
    .replace(/\.(md|markdown)$/, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'deck';
}

/** Removes the indentation every non-blank line shares, and blank lines at both ends. */
export function dedent(lines: string[]): string {
  let first = 0;
  let last = lines.length;
  while (first < last && lines[first]!.trim() === '') first++;
  while (last > first && lines[last - 1]!.trim() === '') last--;
  let indent = Infinity;
  for (let i = first; i < last; i++) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    const width = line.length - line.trimStart().length;
    if (width < indent) indent = width;
  }
  if (indent === Infinity || indent === 0) return lines.slice(first, last).join('\n');
  const out: string[] = [];
  for (let i = first; i < last; i++) out.push(lines[i]!.slice(Math.min(indent, leadingSpace(lines[i]!))));
  return out.join('\n');
}

function leadingSpace(line: string): number {
  return line.length - line.trimStart().length;
}

/**
 * A 64-bit FNV-1a content hash as 16 hex digits. Not cryptographic: it only tells whether a deck file changed,
 * and it must give the same answer in Node and in the browser without async crypto.
 */
export function contentHash(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x050c5d1f;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x01000193) ^ (h1 >>> 15);
  }
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}
