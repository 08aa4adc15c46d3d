// Issue 13, item 7: what a screen-reader or keyboard user missed in a review.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { DESKTOP, openApp, openPage, PHONE, screenshot, startPreview } from './support.mjs';

let server;
before(async () => {
  server = await startPreview();
});
after(async () => {
  await server?.stop();
});

const focused = (page) =>
  page.evaluate(() => ({
    label: document.activeElement?.getAttribute('aria-label') ?? null,
    text: document.activeElement?.textContent?.trim().slice(0, 40) ?? '',
    testid: document.activeElement?.getAttribute('data-testid') ?? null,
  }));

test('ratings say their intervals, each new question is announced, and the focus never drops to the page', { timeout: 90_000 }, async (t) => {
  const { browser, page } = await openPage(t, PHONE);
  await openApp(page, server.url);
  await page.getByRole('button', { name: 'Study all' }).click();
  const announcement = page.getByTestId('question-announcement');
  await page.getByRole('button', { name: 'Show answer' }).waitFor();
  const first = await page.getByTestId('question').innerText();
  assert.equal(await announcement.getAttribute('aria-live'), 'polite');
  assert.equal(await announcement.innerText(), `Question: ${first}`);
  // The counts are not a live region any more: they changed on every card and drowned the question.
  assert.equal(await page.locator('.remaining[aria-live]').count(), 0);

  await page.getByRole('button', { name: 'Show answer' }).click();
  assert.equal((await focused(page)).testid, 'answer', 'the answer takes the focus once "Show answer" is gone');
  const names = await page.locator('.ratings button').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label')));
  assert.equal(names.length, 4);
  for (const [i, word] of ['Again', 'Hard', 'Good', 'Easy'].entries())
    assert.match(names[i], new RegExp(`^${word}, \\d+(\\.\\d)? (minute|minutes|hour|hours|day|days|month|months|year|years)$`));

  await page.getByRole('button', { name: /^Good, / }).click();
  await page.getByRole('button', { name: 'Show answer' }).waitFor();
  assert.equal((await focused(page)).text, 'Show answer', 'the next card\'s "Show answer" takes the focus');
  const second = await page.getByTestId('question').innerText();
  assert.notEqual(second, first);
  assert.equal(await announcement.innerText(), `Question: ${second}`);

  // The card menu: arrows move between its items, Escape closes it and gives the focus back to its button.
  await page.getByRole('button', { name: 'Card actions' }).click();
  // Its items load with the first opening.
  await page.getByRole('menu').waitFor();
  assert.equal((await focused(page)).text, 'Bury until tomorrow');
  await page.keyboard.press('ArrowDown');
  assert.equal((await focused(page)).text, 'Suspend card');
  await page.keyboard.press('End');
  assert.match((await focused(page)).text, /^Never show cards from/);
  await page.keyboard.press('ArrowDown');
  assert.equal((await focused(page)).text, 'Bury until tomorrow', 'the arrows wrap');
  await page.keyboard.press('Escape');
  assert.equal(await page.getByRole('menu').count(), 0);
  assert.equal((await focused(page)).label, 'Card actions');
  // A choice closes it too, with the focus back on its button.
  await page.keyboard.press('Enter');
  await page.getByRole('menuitem', { name: 'Bury until tomorrow' }).waitFor();
  await page.keyboard.press('Enter');
  await page.getByText('Card buried until tomorrow.').waitFor();
  assert.equal((await focused(page)).label, 'Card actions');
  assert.deepEqual(browser.errors, []);
});

test('on a desktop, "?" opens the keyboard shortcuts and Escape closes them', { timeout: 60_000 }, async (t) => {
  const { browser, page } = await openPage(t, DESKTOP);
  await openApp(page, server.url);
  await page.getByRole('button', { name: 'Study all' }).click();
  await page.getByRole('button', { name: 'Show answer' }).waitFor();
  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await sheet.waitFor();
  await screenshot(page, 'shortcuts-desktop');
  // While it is open, keys do not reach the card.
  await page.keyboard.press('Space');
  assert.equal(await page.getByTestId('answer').count(), 0);
  await page.keyboard.press('Escape');
  await sheet.waitFor({ state: 'detached' });
  await page.keyboard.press('Space');
  await page.getByTestId('answer').waitFor();
  // The header's button opens it too.
  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  await sheet.waitFor();
  await sheet.getByRole('button', { name: 'Close' }).click();
  await sheet.waitFor({ state: 'detached' });
  assert.deepEqual(browser.errors, []);
});

test('in dark mode the chosen theme and language stand out from the others', { timeout: 60_000 }, async (t) => {
  const { browser, page } = await openPage(t, PHONE, { colorScheme: 'dark' });
  await openApp(page, server.url);
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const checked = page.locator('label.checked').first();
  await checked.waitFor();
  await checked.scrollIntoViewIfNeeded();
  const [on, off] = await page
    .locator('fieldset')
    .first()
    .locator('label')
    .evaluateAll((labels) =>
      labels.slice(0, 2).map((l) => {
        const style = getComputedStyle(l);
        return { checked: l.classList.contains('checked'), background: style.backgroundColor, color: style.color };
      }),
    );
  const chosen = on.checked ? on : off;
  const other = on.checked ? off : on;
  assert.notEqual(chosen.background, other.background);
  assert.notEqual(chosen.color, other.color, 'the chosen option is in the accent colour');
  await screenshot(page, 'settings-choice-dark');
  assert.deepEqual(browser.errors, []);
});
