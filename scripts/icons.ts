/**
 * npm run icons — renders public/icon.svg into the PNG icons the web app manifest and iOS need, with Debian's
 * Chromium (no network, no image library). Run it when the SVG changes and commit the PNGs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const PUBLIC = new URL('../public', import.meta.url).pathname;
const svg = readFileSync(join(PUBLIC, 'icon.svg'), 'utf8');

// Maskable icons are cropped to a circle of 80% of their size by some launchers: the artwork shrinks to fit.
const ICONS = [
  { file: 'icon-192.png', size: 192, scale: 1, background: 'transparent' },
  { file: 'icon-512.png', size: 512, scale: 1, background: 'transparent' },
  { file: 'icon-maskable-512.png', size: 512, scale: 0.78, background: '#2f6b5a' },
  { file: 'apple-touch-icon.png', size: 180, scale: 0.86, background: '#2f6b5a' },
];

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
try {
  for (const icon of ICONS) {
    const page = await browser.newPage({ viewport: { width: icon.size, height: icon.size } });
    const inner = Math.round(icon.size * icon.scale);
    await page.setContent(
      `<html><body style="margin:0;background:${icon.background};display:grid;place-items:center;width:${icon.size}px;height:${icon.size}px">` +
        `<div style="width:${inner}px;height:${inner}px">${svg.replace('<svg ', `<svg width="${inner}" height="${inner}" `)}</div></body></html>`,
    );
    await page.screenshot({ path: join(PUBLIC, icon.file), omitBackground: icon.background === 'transparent' });
    await page.close();
    console.log(`public/${icon.file} (${icon.size}×${icon.size})`);
  }
} finally {
  await browser.close();
}
