import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { PHONE, ROOT, buildWithNotes, launch, openApp, screenshot, startPreview } from './support.mjs';

let server;
let dist;
before(async () => {
  dist = await buildWithNotes(join(ROOT, 'tests/fixtures/hostile-notes'));
  // The renderer already escapes raw HTML; a crafted deck file (as a hostile backup or import could hold) reaches
  // DOMPurify with the HTML intact.
  const decks = join(dist, 'decks');
  const index = JSON.parse(readFileSync(join(decks, 'index.json'), 'utf8'));
  const deck = JSON.parse(readFileSync(join(decks, index.decks[0].file), 'utf8'));
  deck.cards[0].answerHtml =
    '<p>crafted <img src="x" onerror="window.__ran=\'onerror\'"><a href="javascript:window.__ran=\'link\'">enlace</a>' +
    '<a href="data:text/html,x">datos</a><script>window.__ran="script"</script><svg onload="window.__ran=\'svg\'"></svg>' +
    '<img src="https://tracker.example/pixel.gif" alt="remota"><a href="https://example.org/">web</a></p>';
  writeFileSync(join(decks, index.decks[0].file), JSON.stringify(deck));
  index.decks[0].hash = 'crafted';
  writeFileSync(join(decks, 'index.json'), JSON.stringify(index));
  server = await startPreview({ dist });
});
after(async () => {
  await server?.stop();
  if (dist) rmSync(dist, { recursive: true, force: true });
});

test('a note with <script>, an onerror image and javascript: links renders inert', { timeout: 60_000 }, async (t) => {
  const browser = await launch(PHONE);
  t.after(() => browser.close());
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await openApp(page, server.url);
  await page.getByRole('button', { name: 'Study all' }).click();
  await page.getByRole('button', { name: 'Show answer' }).click();
  const answer = page.getByTestId('answer');
  await answer.waitFor();
  await screenshot(page, 'hostile-answer');
  assert.match(await answer.innerText(), /crafted/);
  assert.equal(await answer.locator('script, iframe, svg, [onerror], [onload]').count(), 0);
  const hrefs = await answer.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  assert.deepEqual(hrefs, [null, null, 'https://example.org/']);
  await answer.getByText('enlace').click();
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.__ran ?? null), null);
  assert.ok(!requests.some((url) => url.includes('tracker.example')), 'no remote image was requested');
  assert.match(await answer.innerText(), /remota/);
});
