import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { openPage, PHONE, ROOT, buildWithNotes, screenshot, startPreview } from './support.mjs';

const CRAFTED =
  '<p>crafted <img src="x" onerror="window.__ran=\'onerror\'"><a href="javascript:window.__ran=\'link\'">enlace</a>' +
  '<script>window.__ran="script"</script><svg onload="window.__ran=\'svg\'"></svg>' +
  '<img src="https://tracker.example/pixel.gif" alt="remota"><a href="https://example.org/">web</a></p>';

let server;
let dist;
before(async () => {
  dist = await buildWithNotes(join(ROOT, 'tests/fixtures/hostile-notes'));
  // A deck file that never went through the build's sanitizer, as if someone replaced it on the server.
  const decks = join(dist, 'decks');
  const index = JSON.parse(readFileSync(join(decks, 'index.json'), 'utf8'));
  const deck = JSON.parse(readFileSync(join(decks, index.decks[0].file), 'utf8'));
  const crafted = { ...deck, id: 'crafted', title: 'Crafted', path: ['Crafted'], cards: [{ ...deck.cards[0], key: 'crafted', answerHtml: CRAFTED }] };
  writeFileSync(join(decks, 'crafted.deck.json'), JSON.stringify(crafted));
  index.decks.push({ ...index.decks[0], id: 'crafted', title: 'Crafted', path: ['Crafted'], file: 'crafted.deck.json', cards: 1, hash: 'crafted' });
  writeFileSync(join(decks, 'index.json'), JSON.stringify(index));
  server = await startPreview({ dist });
});
after(async () => {
  await server?.stop();
  if (dist) rmSync(dist, { recursive: true, force: true });
});

async function openAnswer(t, deckId) {
  const { page } = await openPage(t, PHONE);
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  const blocked = [];
  page.on('requestfailed', (r) => blocked.push(`${r.url()} ${r.failure()?.errorText}`));
  await page.goto(`${server.url}review?decks=${deckId}`);
  await page.getByRole('button', { name: 'Show answer' }).click();
  const answer = page.getByTestId('answer');
  await answer.waitFor();
  return { page, answer, requests, blocked };
}

test('a note with <script>, an onerror image and javascript: links is built into inert HTML', { timeout: 60_000 }, async (t) => {
  const { page, answer, requests } = await openAnswer(t, 'trampa');
  await screenshot(page, 'hostile-answer');
  assert.equal(await answer.locator('script, iframe, svg, [onerror], [onload], a[href^="javascript"], a[href^="data"]').count(), 0);
  assert.match(await answer.innerText(), /remota/);
  await answer.getByText('enlace').click();
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.__ran ?? null), null);
  assert.ok(!requests.some((url) => url.includes('tracker.example')), 'no remote image was requested');
});

test('a crafted deck file that skipped sanitizing still runs nothing: the CSP blocks it', { timeout: 60_000 }, async (t) => {
  const { page, answer, requests, blocked } = await openAnswer(t, 'crafted');
  assert.match(await answer.innerText(), /crafted/);
  await answer.getByText('enlace').click();
  await page.waitForTimeout(500);
  assert.equal(await page.evaluate(() => window.__ran ?? null), null);
  const tracker = requests.filter((url) => url.includes('tracker.example'));
  assert.deepEqual(
    blocked.filter((line) => line.includes('tracker.example')),
    tracker.map((url) => `${url} csp`),
  );
});

test('no content moves the rating bar out of reach: long unbroken strings, URLs, wide tables and code (regression: 468 px on a 390 px phone)', { timeout: 60_000 }, async (t) => {
  const { page } = await openPage(t, PHONE);
  await page.goto(`${server.url}review?decks=anchura`);
  const showAnswer = page.getByRole('button', { name: 'Show answer' });
  await showAnswer.waitFor();
  let card = 0;
  let wideTables = 0;
  for (; await showAnswer.isVisible(); card++) {
    await showAnswer.click();
    await page.getByRole('button', { name: 'Good' }).waitFor();
    const layout = await page.evaluate(() => {
      const bar = document.querySelector('.footer')?.getBoundingClientRect();
      return { width: document.documentElement.scrollWidth, barLeft: bar?.left, barRight: bar?.right, barBottom: bar?.bottom };
    });
    assert.equal(layout.width, 390, `card ${card} keeps the page as wide as the phone`);
    assert.ok(layout.barLeft >= 0 && layout.barRight <= 390 && layout.barBottom <= 844, `card ${card}: the rating bar is on screen (${JSON.stringify(layout)})`);
    if (card === 0) await screenshot(page, 'review-long-question');
    // A table wider than the card says that it scrolls: a shadow at the edge with more columns.
    const table = await page.evaluate(() => {
      const found = document.querySelector('[data-testid="answer"] table');
      return found ? { wider: found.scrollWidth > found.clientWidth, background: getComputedStyle(found).backgroundImage } : null;
    });
    if (table?.wider) {
      wideTables++;
      assert.match(table.background, /radial-gradient.*radial-gradient/, 'a wide table shows its scroll shadows');
      await screenshot(page, 'review-wide-table');
    }
    await page.getByRole('button', { name: 'Good' }).click();
    await showAnswer.or(page.getByRole('heading', { name: 'Done for today' })).waitFor();
  }
  assert.ok(card >= 4, `every card of the note was checked (${card})`);
  assert.ok(wideTables >= 1, 'the note has a wide table, and it was checked');
});
