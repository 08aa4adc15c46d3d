/**
 * Imports that used to freeze the page: zip bombs (1 GiB in one note; 4 GiB in four; one that lies about its
 * size) and a note of 100,000 headings. Measured in Chromium: how long until the preview says what it found, and
 * the longest task the page's main thread ran meanwhile (Long Tasks API: tasks over 50 ms).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { crc32 } from '../../src/adapters/zip-reader.ts';
import type { Row } from './stats.ts';

interface BombEntry {
  name: string;
  /** The size the directory declares; the data always inflates to 1 GiB. */
  declared: number;
}

/** A zip whose entries all hold the same deflated data, each under its own name. */
function zipOf(entries: BombEntry[], deflated: Uint8Array, crc: number): Uint8Array {
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = encoder.encode(entry.name);
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true);
    local.setUint16(8, 8, true);
    local.setUint32(14, crc, true);
    local.setUint32(18, deflated.length, true);
    local.setUint32(22, Math.min(entry.declared, 0xffffffff), true);
    local.setUint16(26, name.length, true);
    const record = new DataView(new ArrayBuffer(46));
    record.setUint32(0, 0x02014b50, true);
    record.setUint16(4, 20, true);
    record.setUint16(6, 20, true);
    record.setUint16(10, 8, true);
    record.setUint32(16, crc, true);
    record.setUint32(20, deflated.length, true);
    record.setUint32(24, Math.min(entry.declared, 0xffffffff), true);
    record.setUint16(28, name.length, true);
    record.setUint32(42, offset, true);
    parts.push(new Uint8Array(local.buffer), name, deflated);
    central.push(new Uint8Array(record.buffer), name);
    offset += 30 + name.length + deflated.length;
  }
  const directorySize = central.reduce((sum, part) => sum + part.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, entries.length, true);
  end.setUint16(10, entries.length, true);
  end.setUint32(12, directorySize, true);
  end.setUint32(16, offset, true);
  const all = [...parts, ...central, new Uint8Array(end.buffer)];
  const out = new Uint8Array(all.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of all) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** The bombs and the huge note, written to `dir`. */
export function writeHostileImports(dir: string): { name: string; file: string }[] {
  const GiB = 1 << 30;
  const zeros = new Uint8Array(GiB);
  const deflated = deflateRawSync(zeros, { level: 9 });
  const crc = crc32(zeros);
  const note = (n: number) => `## T${n}\nx${n}\n`;
  const huge = `# Cien mil\n\n${Array.from({ length: 100_000 }, (_, n) => note(n)).join('\n')}`;
  const files = [
    { name: 'zip bomb: 1 GiB in one note', file: 'bomb-1g.zip', bytes: zipOf([{ name: 'bomba.md', declared: GiB }], deflated, crc) },
    {
      name: 'zip bomb: 4 GiB in four notes',
      file: 'bomb-4g.zip',
      bytes: zipOf(
        [0, 1, 2, 3].map((i) => ({ name: `bomba-${i}.md`, declared: GiB })),
        deflated,
        crc,
      ),
    },
    { name: 'zip bomb that declares 1 KB and inflates to 1 GiB', file: 'bomb-lies.zip', bytes: zipOf([{ name: 'miente.md', declared: 1024 }], deflated, crc) },
  ];
  for (const { file, bytes } of files) writeFileSync(join(dir, file), bytes);
  writeFileSync(join(dir, 'cien-mil.md'), huge);
  return [
    ...files.map(({ name, file }) => ({ name, file: join(dir, file) })),
    { name: `a note of 100,000 headings (${(huge.length / 1024 / 1024).toFixed(1)} MB)`, file: join(dir, 'cien-mil.md') },
  ];
}

/** Starts recording long tasks on the page; `take()` gives the longest since the last take (0: none over 50 ms). */
export async function watchLongTasks(page: Page): Promise<{ take(): Promise<number> }> {
  await page.evaluate(() => {
    const w = window as unknown as { __longest: number };
    w.__longest = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__longest = Math.max(w.__longest, entry.duration);
    }).observe({ type: 'longtask', buffered: false });
  });
  return {
    take: () =>
      page.evaluate(() => {
        const w = window as unknown as { __longest: number };
        const longest = w.__longest;
        w.__longest = 0;
        return longest;
      }),
  };
}

const blockVerdict = (ms: number) => (ms <= 100 ? 'ok' : 'MISS');
const block = (ms: number) => (ms === 0 ? '< 50 ms' : `${ms.toFixed(0)} ms`);

/** Each hostile import on a page showing the decks screen: to the preview, and for the huge note through the import. */
export async function benchHostileImports(page: Page, dir: string): Promise<Row[]> {
  const rows: Row[] = [];
  const tasks = await watchLongTasks(page);
  for (const { name, file } of writeHostileImports(dir)) {
    await page.getByRole('button', { name: 'Import notes' }).first().click();
    const input = page.getByTestId('import-files');
    await input.waitFor({ state: 'attached' });
    await tasks.take();
    const started = Date.now();
    await input.setInputFiles(file);
    await page.getByRole('heading', { name: 'Before anything changes' }).waitFor({ timeout: 180_000 });
    const previewed = Date.now() - started;
    const previewBlock = await tasks.take();
    const importable = await page.getByRole('button', { name: 'Import', exact: true }).isEnabled();
    rows.push(
      {
        measure: `${name}: file chosen → preview (${importable ? 'cards found' : 'refused'})`,
        value: `${previewed} ms`,
        target: importable ? '' : '≤ 2000 ms',
        verdict: importable ? 'info' : previewed <= 2000 ? 'ok' : 'MISS',
      },
      { measure: `${name}: longest main-thread block until the preview`, value: block(previewBlock), target: '≤ 100 ms', verdict: blockVerdict(previewBlock) },
    );
    if (importable) {
      const applying = Date.now();
      await page.getByRole('button', { name: 'Import', exact: true }).click();
      await page.getByText('Imported. Your decks are up to date.').waitFor({ timeout: 180_000 });
      const applied = Date.now() - applying;
      const applyBlock = await tasks.take();
      rows.push(
        { measure: `${name}: confirm → imported`, value: `${applied} ms`, target: '', verdict: 'info' },
        { measure: `${name}: longest main-thread block while importing`, value: block(applyBlock), target: '≤ 100 ms', verdict: blockVerdict(applyBlock) },
      );
      await page.getByRole('button', { name: 'Back to decks' }).first().click();
    } else {
      await page.getByRole('button', { name: 'Cancel' }).click();
      await page.getByRole('button', { name: 'Back' }).first().click();
    }
    await page.getByRole('heading', { name: 'Decks' }).waitFor();
  }
  return rows;
}
