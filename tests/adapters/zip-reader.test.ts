import { Inflate, strToU8, zipSync } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import { bytesSource, crc32, listEntries, readEntry, ZipError } from '../../src/adapters/zip-reader.ts';
import { seededRandom } from '../../src/core/random.ts';
import { declareSize } from '../support/zips.ts';

const read = (zip: Uint8Array) => {
  const source = bytesSource(zip);
  return Object.fromEntries(listEntries(source).map((entry) => [entry.name, new TextDecoder().decode(readEntry(source, entry))]));
};

describe('the zip reader', () => {
  it('reads stored and deflated entries, with their names in UTF-8', () => {
    const zip = zipSync({ 'notas/química.md': strToU8('# Química\n'.repeat(50)), 'raw.txt': [strToU8('as is'), { level: 0 }] });
    expect(read(zip)).toEqual({ 'notas/química.md': '# Química\n'.repeat(50), 'raw.txt': 'as is' });
  });

  it('computes the standard CRC-32', () => {
    expect(crc32(strToU8('123456789'))).toBe(0xcbf43926);
  });

  it('lists a zip of 5,000 entries without overflowing the stack (regression: Unzip.push recursed per entry)', () => {
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i < 5000; i++) files[`attachments/image ${i}.png`] = strToU8(`not really an image ${i}`);
    const entries = listEntries(bytesSource(zipSync(files, { level: 0 })));
    expect(entries).toHaveLength(5000);
    expect(entries.at(-1)!.name).toBe('attachments/image 4999.png');
  });

  it('refuses more entries than asked for, before reading any', () => {
    const zip = zipSync({ a: strToU8('a'), b: strToU8('b'), c: strToU8('c') });
    expect(() => listEntries(bytesSource(zip), { maxEntries: 2 })).toThrow(expect.objectContaining({ problem: 'too-large' }));
  });

  it('refuses an entry that declares more than the cap, without inflating it', () => {
    const zip = zipSync({ big: new Uint8Array(1 << 20) });
    const source = bytesSource(zip);
    expect(() => readEntry(source, listEntries(source)[0]!, { maxBytes: 1000 })).toThrow(expect.objectContaining({ problem: 'too-large' }));
  });

  it('stops an entry that inflates past the size it declares (a zip bomb that lies about its size)', () => {
    const random = seededRandom(5);
    const zip = declareSize(zipSync({ bomb: Uint8Array.from({ length: 8 << 20 }, () => (random() * 4) | 0) }), 'bomb', 1000);
    const source = bytesSource(zip);
    const [entry] = listEntries(source);
    const steps = vi.spyOn(Inflate.prototype, 'push');
    expect(() => readEntry(source, entry!)).toThrow(expect.objectContaining({ problem: 'corrupt' }));
    // It stopped after its first step of 16 KB, long before inflating all 8 MB.
    expect(steps).toHaveBeenCalledTimes(1);
    expect(entry!.compressedSize).toBeGreaterThan(100 * 16 * 1024);
    steps.mockRestore();
  });

  it('refuses an entry whose content changed (regression: CRCs were never checked)', () => {
    const zip = zipSync({ 'note.md': [strToU8('# Title\n\nSome text that matters.\n'), { level: 0 }] });
    const at = new TextDecoder().decode(zip).indexOf('matters');
    zip[at] = 'M'.charCodeAt(0);
    const source = bytesSource(zip);
    expect(() => readEntry(source, listEntries(source)[0]!)).toThrow(expect.objectContaining({ problem: 'corrupt' }));
  });

  it('never returns altered content: every single-bit flip is refused or leaves every entry as it was', () => {
    const original = zipSync({
      'a.json': strToU8(JSON.stringify({ reviews: Array.from({ length: 200 }, (_, i) => ({ id: i, rating: (i % 4) + 1 })) })),
      'b.md': strToU8('# B\n\ntext\n'),
    });
    // Names are not covered by a CRC: a reader that expects certain names (a backup) refuses a renamed entry.
    const contents = (zip: Uint8Array) => Object.values(read(zip));
    const expected = contents(original);
    const random = seededRandom(11);
    let refused = 0;
    for (let flip = 0; flip < 400; flip++) {
      const damaged = original.slice();
      const bit = Math.floor(random() * damaged.length * 8);
      damaged[bit >> 3]! ^= 1 << (bit & 7);
      let content: string[] | null = null;
      try {
        content = contents(damaged);
      } catch (error) {
        if (!(error instanceof ZipError)) throw error;
        refused++;
      }
      if (content) expect(content).toEqual(expected);
    }
    expect(refused).toBeGreaterThan(300);
  });

  it('says a file that is not a zip is not one', () => {
    expect(() => listEntries(bytesSource(strToU8('PK not really a zip')))).toThrow(expect.objectContaining({ problem: 'not-a-zip' }));
  });
});
