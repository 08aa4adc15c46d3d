import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createScheduler } from '../../src/core/scheduler.ts';
import { databaseProblems } from '../support/invariants.ts';
import { openPage, DESKTOP, PHONE, countsWhen, dbCounts, dbDump, launch, openApp, screenshot, startPreview } from './support.mjs';

let server;
before(async () => {
  server = await startPreview();
});
after(async () => {
  await server?.stop();
});

async function remaining(page) {
  // New, learning and due, as the counter at the top shows them.
  return page.locator('.remaining .counts > span').evaluateAll((spans) => spans.map((s) => Number(s.textContent.match(/\d+/)[0])));
}

test('on a phone: review five cards, undo one, reload and restart the browser — counts, states and the log persist', { timeout: 120_000 }, async (t) => {
  const { browser, page } = await openPage(t, PHONE);
  await openApp(page, server.url);
  await screenshot(page, 'decks-light');
  await page.getByRole('button', { name: 'Study all' }).click();
  await page.getByRole('button', { name: 'Show answer' }).waitFor();
  assert.deepEqual(await remaining(page), [20, 0, 0]);
  await screenshot(page, 'review-question-light');

  for (let i = 0; i < 5; i++) {
    await page.getByRole('button', { name: 'Show answer' }).click();
    if (i === 0) await screenshot(page, 'review-answer-light');
    await page.getByRole('button', { name: 'Good' }).click();
    await page.getByRole('button', { name: 'Show answer' }).waitFor();
  }
  assert.deepEqual(await dbCounts(page), { log: 5, states: 5, decks: 5 });
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  assert.deepEqual(await countsWhen(page, (c) => c.log < 5), { log: 4, states: 4, decks: 5 });
  assert.deepEqual(await remaining(page), [16, 4, 0]);

  await page.reload();
  await page.getByRole('button', { name: 'Show answer' }).waitFor();
  assert.deepEqual(await remaining(page), [16, 4, 0]);
  await page.getByRole('button', { name: 'Back to decks' }).click();
  await page.getByRole('heading', { name: 'Decks' }).waitFor();
  assert.equal(await page.getByRole('heading', { name: /to study today/ }).innerText(), '20 to study today');
  assert.deepEqual(await dbCounts(page), { log: 4, states: 4, decks: 5 });
  await browser.close({ keepProfile: true });

  const again = await launch(PHONE, { profile: browser.userDataDir });
  t.after(() => again.close());
  const page2 = again.context.pages()[0] ?? (await again.context.newPage());
  await openApp(page2, server.url);
  assert.deepEqual(await dbCounts(page2), { log: 4, states: 4, decks: 5 });
  await page2.getByRole('button', { name: 'Study all' }).click();
  await page2.getByRole('button', { name: 'Show answer' }).waitFor();
  assert.deepEqual(await remaining(page2), [16, 4, 0]);
  assert.deepEqual(again.errors, []);
});

test('on a desktop: a whole review with the keyboard alone', { timeout: 60_000 }, async (t) => {
  const { browser, page } = await openPage(t, DESKTOP);
  await openApp(page, server.url);
  // Tab goes through the header (Import notes, Browse cards, Statistics, Settings), then reaches "Study all"; Enter activates it.
  const focused = [];
  for (let i = 0; i < 5; i++) {
    await page.keyboard.press('Tab');
    focused.push(await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent?.trim()));
  }
  assert.deepEqual(focused, ['Import notes', 'Browse cards', 'Statistics', 'Settings', 'Study all']);
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Show answer' }).waitFor();
  await page.evaluate(() => document.activeElement instanceof HTMLElement && document.activeElement.blur());
  await page.keyboard.press('Space');
  await page.getByRole('button', { name: 'Good' }).waitFor();
  await page.keyboard.press('3');
  await page.getByRole('button', { name: 'Show answer' }).waitFor();
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Again' }).waitFor();
  await page.keyboard.press('1');
  await page.getByRole('button', { name: 'Show answer' }).waitFor();
  assert.equal((await dbCounts(page)).log, 2);
  await page.keyboard.press('Control+z');
  assert.equal((await countsWhen(page, (c) => c.log < 2)).log, 1);
  await page.getByRole('button', { name: 'Show answer' }).waitFor();
  await page.keyboard.press('z');
  assert.equal((await countsWhen(page, (c) => c.log < 1)).log, 0);
  await page.getByRole('button', { name: 'Show answer' }).waitFor();
  await screenshot(page, 'review-desktop');
  assert.deepEqual(browser.errors, []);
});

test('in dark mode and in Spanish on a small phone: every screen is legible', { timeout: 90_000 }, async (t) => {
  const { browser, page } = await openPage(
    t,
    { viewport: { width: 360, height: 640 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
    { colorScheme: 'dark', locale: 'es-ES' },
  );
  await page.goto(server.url);
  await page.getByRole('heading', { name: 'Mazos' }).waitFor({ timeout: 20_000 });
  await screenshot(page, 'decks-dark-es-360');
  await page.getByRole('button', { name: /^Estudiar: Git basics/ }).click();
  await page.getByRole('button', { name: 'Mostrar respuesta' }).waitFor();
  await screenshot(page, 'review-question-dark-es-360');
  for (let i = 0; i < 13; i++) {
    await page.getByRole('button', { name: 'Mostrar respuesta' }).click();
    if (i === 3) await screenshot(page, 'review-answer-dark-es-360');
    await page.getByRole('button', { name: 'Fácil' }).click();
    await page
      .getByRole('button', { name: 'Mostrar respuesta' })
      .or(page.getByRole('heading', { name: 'Terminado por hoy' }))
      .waitFor();
  }
  await page.getByRole('heading', { name: 'Terminado por hoy' }).waitFor();
  await screenshot(page, 'done-dark-es-360');
  // Nothing overflows the page sideways: wide code and tables scroll inside their blocks.
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), true);
  assert.deepEqual(browser.errors, []);
});

test('"Never show this card" hides it through a reload, lists it on the decks screen, and "Show again" brings it back', { timeout: 60_000 }, async (t) => {
  const { browser, page } = await openPage(t, PHONE);
  await openApp(page, server.url);
  // The first card comes from "La célula": one fewer to learn there once it is hidden.
  const celula = page.getByRole('button', { name: /^Study: La célula/ });
  const newCount = async () => Number(/La célula\s+New:\s+(\d+)/.exec(await celula.innerText())?.[1]);
  const before = await newCount();
  assert.ok(before > 1 && before < 20, `La célula shows ${before} new cards, under the daily limit of 20`);
  await page.getByRole('button', { name: 'Study all' }).click();
  const question = await page.locator('.question').first().innerText();
  await page.getByRole('button', { name: 'Card actions' }).click();
  await page.getByRole('menuitem', { name: 'Never show this card' }).click();
  // The next card replaces it once the hidden state is stored.
  await page.waitForFunction((shown) => document.querySelector('.question')?.textContent?.trim() !== shown, question.trim());
  await page.getByRole('button', { name: 'Show answer' }).waitFor();
  await page.getByRole('button', { name: 'Back to decks' }).click();
  await page.reload();
  await page.getByText('1 card you chose never to see.').waitFor();
  assert.equal(await newCount(), before - 1);
  await page.getByRole('button', { name: 'See them' }).click();
  await page.getByText(question, { exact: true }).waitFor();
  await screenshot(page, 'decks-hidden-cards');
  await page.getByRole('button', { name: 'Show again' }).click();
  await page.getByText('1 card you chose never to see.').waitFor({ state: 'detached' });
  assert.equal(await newCount(), before);
  assert.deepEqual(browser.errors, []);
});

test('bury says so with an Undo; after the new-card limit, "Done for today" says why and "Learn 10 more today" goes on', { timeout: 120_000 }, async (t) => {
  const { browser, page } = await openPage(t, PHONE);
  await openApp(page, server.url);
  await page.getByRole('button', { name: 'Study all' }).click();
  const first = (await page.locator('.question').first().innerText()).trim();
  await page.getByRole('button', { name: 'Card actions' }).click();
  await page.getByRole('menuitem', { name: 'Bury until tomorrow' }).click();
  await page.getByRole('status').filter({ hasText: 'Card buried until tomorrow.' }).waitFor();
  await screenshot(page, 'review-buried-notice');
  await page.getByRole('button', { name: 'Undo: Card buried until tomorrow.' }).click();
  await page.waitForFunction((shown) => document.querySelector('.question')?.textContent?.trim() === shown, first);
  assert.equal(await page.getByRole('status').filter({ hasText: 'Card buried' }).count(), 0);

  for (let i = 0; i < 20; i++) {
    await page.getByRole('button', { name: 'Show answer' }).click();
    await page.getByRole('button', { name: 'Easy' }).click();
    await page
      .getByRole('button', { name: 'Show answer' })
      .or(page.getByRole('heading', { name: 'Done for today' }))
      .waitFor();
  }
  await page.getByRole('heading', { name: 'Done for today' }).waitFor();
  assert.match(await page.getByTestId('done-limit').innerText(), /You reached today’s limit of 20 new cards; \d+ more wait in these decks\./);
  await screenshot(page, 'done-limit-reached');
  await page.getByRole('button', { name: 'Back to decks' }).first().click();
  // Every row now follows the overall limit: no deck promises a new card.
  await page.getByText('All caught up for today.').waitFor();
  const rows = await page.locator('.deck-list li .new').evaluateAll((spans) => spans.map((s) => Number(/\d+/.exec(s.textContent ?? '')?.[0])));
  assert.ok(
    rows.every((n) => n === 0),
    `new cards on the rows after the limit: ${rows.join(', ')}`,
  );
  assert.ok((await page.getByRole('button', { name: /^Study: / }).count()) >= 5);
  await page.reload();
  await page.getByRole('button', { name: /^Study: La célula/ }).click();
  await page.getByRole('heading', { name: 'Done for today' }).waitFor();
  await page.getByRole('button', { name: 'Learn 10 more today' }).click();
  await page.getByRole('button', { name: 'Show answer' }).waitFor();
  assert.deepEqual(browser.errors, []);
});

test('practice after the day is done: the studied cards again, logged as practice, no due date moves', { timeout: 90_000 }, async (t) => {
  const { browser, page } = await openPage(t, PHONE);
  await openApp(page, server.url);
  await page.getByRole('button', { name: /^Study: Git basics/ }).click();
  const showAnswer = page.getByRole('button', { name: 'Show answer' });
  const done = page.getByRole('heading', { name: 'Done for today' });
  await showAnswer.or(done).waitFor();
  while (await showAnswer.isVisible()) {
    await showAnswer.click();
    await page.getByRole('button', { name: /^Easy/ }).click();
    await showAnswer.or(done).waitFor();
  }
  const studied = await dbDump(page);
  await page.getByRole('button', { name: 'Practise these cards (schedule unchanged)' }).click();
  await page.getByText('Practice: your answers here do not change when cards are due.').waitFor();
  await showAnswer.click();
  // No interval on the buttons: nothing is scheduled.
  assert.equal(await page.locator('.ratings .interval').evaluateAll((spans) => spans.map((s) => s.textContent).join('')), '');
  await screenshot(page, 'practice-light');
  await page.getByRole('button', { name: 'Good' }).click();
  await showAnswer.or(done).waitFor();
  const after = await dbDump(page);
  assert.deepEqual(after.states, studied.states, 'no state changed');
  assert.equal(after.log.length, studied.log.length + 1);
  assert.equal(after.log.at(-1).practice, true);
  assert.deepEqual(databaseProblems(after, createScheduler()), []);
  assert.deepEqual(browser.errors, []);
});
