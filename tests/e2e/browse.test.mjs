import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createScheduler } from '../../src/core/scheduler.ts';
import { databaseProblems } from '../support/invariants.ts';
import { dbDump, historyBackup, openApp, openPage, PHONE, restoreThroughSettings, screenshot, SMALL_PHONE, startPreview } from './support.mjs';

let server;
let history;
before(async () => {
  server = await startPreview();
  // A year of study in which three cards were forgotten at every review, so they are suspended leeches.
  history = await historyBackup({ leechCards: 3 });
});
after(async () => {
  await server?.stop();
});

const results = (page) => page.getByTestId('browse-results').getByRole('listitem');
const count = (page) => page.locator('.head .count').innerText();

/** Sets a filter, unfolding the filters first (they are folded on a phone). */
async function filter(page, label, value) {
  const select = page.getByLabel(label, { exact: true });
  if (!(await select.isVisible())) await page.getByText(/^Filters and sort/).click();
  await select.selectOption(value);
}

async function openBrowser(page) {
  await page.getByRole('button', { name: 'Browse cards' }).click();
  await page.getByRole('searchbox', { name: 'Search cards' }).waitFor();
}

test('the card browser: accent-free search, filters, unsuspend a leech, forget keeps its history, bulk suspend with Undo', { timeout: 180_000 }, async (t) => {
  const { browser, page } = await openPage(t, PHONE);
  await openApp(page, server.url);
  await restoreThroughSettings(page, history);
  await openBrowser(page);
  // Every card of the collection: the bundled decks' and the restored deck's 1,500.
  const total = Number((await count(page)).replace(/\D/g, ''));
  assert.ok(total > 1500, `all cards listed (${total})`);
  assert.equal(await results(page).count(), 100, 'a first page of 100 rows');
  await screenshot(page, 'browse-light');

  // Accent- and case-insensitive: "CELULA" finds the bundled biology cards that say "célula", as "célula" does.
  const search = page.getByRole('searchbox', { name: 'Search cards' });
  const all = await count(page);
  await search.fill('célula');
  await page.waitForFunction((n) => document.querySelector('.head .count')?.textContent !== n, all);
  const accented = await count(page);
  assert.ok(Number(accented.replace(/\D/g, '')) > 0, `"célula" finds cards (${accented})`);
  await search.fill('CELULA');
  assert.equal(await count(page), accented);
  assert.match(await results(page).first().innerText(), /célula/i);
  await search.fill('palabra 1499');
  await page.waitForFunction(() => document.querySelector('.head .count')?.textContent === '1 card');
  await search.fill('');

  // The leeches: state filter, then the card's page.
  await filter(page, 'State', 'leech');
  await page.waitForFunction(() => Number(document.querySelector('.head .count')?.textContent?.match(/\d+/)?.[0]) >= 3);
  await screenshot(page, 'browse-leeches-light');
  // Words match anywhere ("0" is in "Palabra 1070" too): the card itself is picked by its whole question.
  await page.getByRole('button', { name: /^Palabra 0 Vocabulario/ }).click();
  await page.getByRole('heading', { name: 'Memory' }).waitFor();
  assert.match(await page.locator('.details dl').innerText(), /Lapses\s+8/);
  // The history is read after the card's page is drawn (regression: counted while it still said "Loading…").
  await page.locator('.details table').waitFor();
  const historyRows = await page.locator('.details tbody tr').count();
  assert.ok(historyRows >= 8, `its whole history is listed (${historyRows} reviews)`);
  await screenshot(page, 'browse-card-light');
  await page.getByRole('button', { name: 'Unsuspend' }).click();
  await page.getByText('1 card back in your reviews.').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Suspend', exact: true }).count(), 1, 'it can be suspended again');
  let dump = await dbDump(page);
  const leech = dump.states.find((s) => s.cardId === 'card-0000');
  assert.equal(leech.suspended, false);
  assert.equal(leech.leech, true, 'it keeps its leech mark');
  assert.ok(leech.queueDue !== undefined, 'it is back in the queue');

  // Forget: back to new, with the history kept and one more entry for the forget.
  const logBefore = dump.log.filter((l) => l.cardId === 'card-0000').length;
  await page.getByRole('button', { name: 'Forget (start as new)' }).click();
  await page.getByText('1 card starts again as new; its history is kept.').waitFor();
  await page.waitForFunction((n) => document.querySelectorAll('.details tbody tr').length === n, logBefore + 1);
  assert.match(await page.locator('.details tbody tr').last().innerText(), /Forgotten \(new\)/);
  dump = await dbDump(page);
  const forgotten = dump.states.find((s) => s.cardId === 'card-0000');
  assert.equal(forgotten.fsrs.phase, 'new');
  assert.equal(forgotten.fsrs.reps, 0);
  assert.equal(dump.log.filter((l) => l.cardId === 'card-0000').length, logBefore + 1);
  assert.deepEqual(databaseProblems(dump, createScheduler()), []);

  // Study now: that card alone, as new.
  await page.getByRole('button', { name: 'Study now' }).click();
  await page.getByRole('button', { name: 'Show answer' }).click();
  await page.getByRole('button', { name: /^Easy/ }).click();
  await page.getByRole('heading', { name: /Done for today|All done/ }).waitFor();
  dump = await dbDump(page);
  assert.equal(dump.states.find((s) => s.cardId === 'card-0000').fsrs.phase, 'review');
  assert.deepEqual(databaseProblems(dump, createScheduler()), []);

  // Bulk: select three cards of the restored deck, suspend them, Undo.
  await page.goBack();
  await page.goBack();
  await page.getByRole('searchbox', { name: 'Search cards' }).waitFor();
  await filter(page, 'State', 'review');
  await page.getByRole('button', { name: 'Select', exact: true }).click();
  for (let i = 0; i < 3; i++) await results(page).nth(i).getByRole('checkbox').check();
  await page.getByText('3 selected').first().waitFor();
  await screenshot(page, 'browse-select-light');
  const region = page.getByRole('region', { name: '3 selected' });
  await region.getByRole('button', { name: 'Suspend', exact: true }).click();
  await page.getByText('3 cards suspended.').waitFor();
  dump = await dbDump(page);
  assert.equal(dump.states.filter((s) => s.suspended && !s.leech).length, 3);
  await page.getByRole('button', { name: 'Undo: 3 cards suspended.' }).click();
  await page.getByText('Undone.').waitFor();
  dump = await dbDump(page);
  assert.equal(dump.states.filter((s) => s.suspended && !s.leech).length, 0);
  assert.deepEqual(databaseProblems(dump, createScheduler()), []);
  assert.deepEqual(browser.errors, []);
});

for (const [device, name] of [
  [PHONE, '390'],
  [SMALL_PHONE, '360'],
]) {
  test(`the card browser looks right at ${name} px, dark and Spanish`, { timeout: 90_000 }, async (t) => {
    const { browser, page } = await openPage(t, device, { colorScheme: 'dark', locale: 'es-ES' });
    await openApp(page, server.url);
    await page.getByRole('button', { name: 'Buscar tarjetas' }).click();
    await page.getByRole('searchbox', { name: 'Buscar tarjetas' }).fill('que');
    await page.waitForFunction(() => /tarjeta/.test(document.querySelector('.head .count')?.textContent ?? ''));
    await screenshot(page, `browse-dark-es-${name}`);
    await results(page).first().getByRole('button').click();
    await page.getByRole('heading', { name: 'Memoria' }).waitFor();
    await screenshot(page, `browse-card-dark-es-${name}`);
    // Nothing wider than the screen.
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), true);
    assert.deepEqual(browser.errors, []);
  });
}
