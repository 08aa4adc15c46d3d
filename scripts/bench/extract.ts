import { existsSync, readFileSync } from 'node:fs';
import MarkdownIt from 'markdown-it';
import { buildDeck } from '../../src/core/deck.ts';
import { extractNote } from '../../src/core/extract/index.ts';
import { generateCorpus, generateNote } from './corpus.ts';
import { median, printTable, timeIt, type Row } from './stats.ts';

const RUNS = 7;
export const EXTRACT_TABLE = `Extractor (Node, median of ${RUNS})`;

export function benchExtract(): Row[] {
  const corpus = generateCorpus(10);
  const megabytes = corpus.reduce((sum, note) => sum + Buffer.byteLength(note), 0) / 1024 / 1024;
  const sources = corpus.map((_, i) => `corpus/nota-${i}.md`);

  // The baseline is markdown-it as anyone would call it: default preset, full block + inline parse.
  const markdownIt = new MarkdownIt();
  const parse = () => corpus.forEach((note) => markdownIt.parse(note, {}));
  const extract = () => corpus.forEach((note, i) => extractNote(note, sources[i]!));
  const build = () =>
    corpus.forEach((note, i) => {
      const result = extractNote(note, sources[i]!);
      if (result.ok && !result.skipped) buildDeck(result, { hasImage: () => false, sanitizeAll: (html) => html });
    });
  // Warm up the JIT on both paths before measuring; runs alternate so both see the same machine state.
  parse();
  extract();
  const parseTimes: number[] = [];
  const extractTimes: number[] = [];
  const buildTimes: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    parseTimes.push(timeIt(parse));
    extractTimes.push(timeIt(extract));
    buildTimes.push(timeIt(build));
  }
  const rate = (ms: number) => megabytes / (ms / 1000);
  const parseRate = rate(median(parseTimes));
  const extractRate = rate(median(extractTimes));
  // Each run's ratio is taken from its own pair of passes, measured back to back: the machine's load drifts between
  // runs more than within one, and a ratio of medians from different runs carries that drift.
  const ratios = parseTimes.map((parseMs, run) => parseMs / extractTimes[run]!).sort((a, b) => a - b);
  const ratio = median(ratios);
  const percent = (r: number) => `${(r * 100).toFixed(0)}%`;

  const seedPath = new URL('../../../shared/notes/llm/introduccion-llm.md', import.meta.url);
  const page = existsSync(seedPath) ? readFileSync(seedPath, 'utf8') : generateNote(7, 8 * 1024);
  const pageLabel = existsSync(seedPath) ? 'seed page' : 'generated 8 KB page';
  for (let i = 0; i < 50; i++) extractNote(page, 'page.md');
  const pageTimes = Array.from({ length: 200 }, () => timeIt(() => extractNote(page, 'page.md')));
  const pageMs = median(pageTimes);

  // A pasted page whose HTML never closes its tags: read once, it costs about what a note of plain text that size does.
  const hostile = `# Pasted\n\n<details>\n${'<pre><code>x\n<summary>y\n'.repeat(10_000)}`;
  const plain = `# Pasted\n\n${'a line of text.\n'.repeat(Math.ceil(hostile.length / 16))}`;
  const hostileMs = median(Array.from({ length: 5 }, () => timeIt(() => extractNote(hostile, 'pasted.md'))));
  const plainMs = median(Array.from({ length: 5 }, () => timeIt(() => extractNote(plain, 'pasted.md'))));
  const hostileRatio = hostileMs / plainMs;

  const cards = corpus.reduce((sum, note, i) => {
    const result = extractNote(note, sources[i]!);
    return sum + (result.ok ? result.cards.length : 0);
  }, 0);
  return [
    { measure: `corpus (${corpus.length} notes, ${cards} cards)`, value: `${megabytes.toFixed(1)} MB`, target: '~10 MB', verdict: 'info' },
    { measure: 'markdown-it parse (raw)', value: `${parseRate.toFixed(1)} MB/s`, target: '', verdict: 'info' },
    { measure: 'extraction', value: `${extractRate.toFixed(1)} MB/s`, target: '', verdict: 'info' },
    {
      measure: `extraction / raw parse (median of ${RUNS} paired runs; range)`,
      value: `${percent(ratio)} (${percent(ratios[0]!)}–${percent(ratios.at(-1)!)})`,
      target: '≥ 40%',
      verdict: ratio >= 0.4 ? 'ok' : 'MISS',
    },
    { measure: 'extraction + HTML render (no sanitizing)', value: `${rate(median(buildTimes)).toFixed(1)} MB/s`, target: '', verdict: 'info' },
    {
      measure: `${pageLabel} (${(Buffer.byteLength(page) / 1024).toFixed(1)} KB), median of 200`,
      value: `${pageMs.toFixed(2)} ms`,
      target: '< 2 ms',
      verdict: pageMs < 2 ? 'ok' : 'MISS',
    },
    {
      measure: `20,000 unclosed HTML tags in one block (${(hostile.length / 1024).toFixed(0)} KB) / plain text of that size`,
      value: `${hostileRatio.toFixed(1)}× (${hostileMs.toFixed(0)} ms)`,
      target: '≤ 3×',
      verdict: hostileRatio <= 3 ? 'ok' : 'MISS',
    },
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) printTable(EXTRACT_TABLE, benchExtract());
