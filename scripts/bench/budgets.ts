/**
 * Budgets: JavaScript + CSS loaded before the first card (gzip), and Lighthouse 12.2.3 (mobile, simulated
 * throttling) against `vite preview`, run headless with Debian's Chromium.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
// @ts-expect-error: plain ESM helpers shared with the browser tests
import { CHROMIUM, PHONE, ROOT, launch, openApp, startPreview } from '../../tests/e2e/support.mjs';
import type { Row } from './stats.ts';

const CHROME_FLAGS = '--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync';

/** "assets/index-DzExE-Oo.js" → "index.js". */
const withoutHash = (url: string) => new URL(url).pathname.replace(/^.*\//, '').replace(/-[\w-]{8}(?=\.\w+$)/, '');

async function scriptsBeforeFirstCard(page: Page, url: string): Promise<string[]> {
  await page.goto(`${url}review`);
  await page.waitForFunction(() => performance.getEntriesByName('repaso:first-card').length > 0, null, { timeout: 30_000 });
  return page.evaluate(() => {
    const mark = performance.getEntriesByName('repaso:first-card')[0]!.startTime;
    return performance
      .getEntriesByType('resource')
      .filter((entry) => entry.startTime < mark && /\.(js|css)(\?|$)/.test(entry.name))
      .map((entry) => entry.name);
  });
}

function lighthouse(url: string): Record<string, number> {
  const dir = mkdtempSync(join(tmpdir(), 'repaso-lighthouse-'));
  try {
    const output = join(dir, 'report.json');
    const run = spawnSync(
      process.execPath,
      [
        join(ROOT, 'node_modules/lighthouse/cli/index.js'),
        url,
        '--quiet',
        `--chrome-flags=${CHROME_FLAGS}`,
        '--only-categories=performance,accessibility,best-practices',
        '--form-factor=mobile',
        '--throttling-method=simulate',
        '--output=json',
        `--output-path=${output}`,
      ],
      { env: { ...process.env, CHROME_PATH: CHROMIUM }, encoding: 'utf8', cwd: dir },
    );
    if (run.status !== 0) throw new Error(`lighthouse failed: ${run.stderr}`);
    const report = JSON.parse(readFileSync(output, 'utf8')) as { categories: Record<string, { score: number }> };
    return Object.fromEntries(Object.entries(report.categories).map(([id, c]) => [id, Math.round(c.score * 100)]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchBudgets(): Promise<Row[]> {
  const server = await startPreview();
  const browser = await launch(PHONE);
  try {
    const page: Page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await openApp(page, server.url);
    await scriptsBeforeFirstCard(page, server.url);
    const urls = await scriptsBeforeFirstCard(page, server.url);
    let gzip = 0;
    for (const url of urls) gzip += gzipSync(Buffer.from(await (await fetch(url)).arrayBuffer())).length;
    const kb = gzip / 1024;
    const scores = lighthouse(server.url);
    const row = (id: string, label: string, target: number): Row => ({
      measure: `Lighthouse ${label}`,
      value: String(scores[id] ?? '?'),
      target: `≥ ${target}`,
      verdict: (scores[id] ?? 0) >= target ? 'ok' : 'MISS',
    });
    return [
      { measure: `JS + CSS before the first card (${urls.length} files, gzip)`, value: `${kb.toFixed(2)} KB`, target: '≤ 50 KB', verdict: kb <= 50 ? 'ok' : 'MISS' },
      // Which files: a shared module the bundler moved into a chunk of its own (ts-fsrs did, after refactors that
      // only moved imports between lazy chunks) shows here before it shows in the total.
      { measure: `  files: ${urls.map(withoutHash).join(', ')}`, value: '', target: '', verdict: 'info' },
      row('performance', 'performance (mobile, simulated)', 95),
      row('accessibility', 'accessibility', 100),
      row('best-practices', 'best practices', 100),
    ];
  } finally {
    await browser.close();
    await server.stop();
  }
}
