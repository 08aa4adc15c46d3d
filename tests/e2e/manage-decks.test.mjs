import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { createScheduler } from '../../src/core/scheduler.ts';
import { databaseProblems } from '../support/invariants.ts';
import { dbDump, openApp, openPage, PHONE, previewWithScratch, screenshot, SMALL_PHONE } from './support.mjs';

const suite = previewWithScratch('repaso-manage-');

const NOTE = `---
title: Historia
parent: Humanidades
---
# Historia

## ¿Cuándo cayó Constantinopla?

En 1453, tomada por el Imperio otomano.

## ¿Qué fue la Reforma?

El movimiento religioso que dividió la cristiandad occidental en el siglo XVI.
`;

async function importNote(page) {
  const path = join(suite.work, 'historia.md');
  writeFileSync(path, NOTE);
  await page.getByRole('button', { name: 'Import notes' }).click();
  await page.getByTestId('import-files').setInputFiles([path]);
  await page.getByRole('heading', { name: 'Before anything changes' }).waitFor();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByRole('button', { name: 'Back to decks' }).first().click();
  await page.getByRole('heading', { name: 'Decks' }).waitFor();
}

async function reviewOne(page, deck) {
  await page.getByRole('button', { name: `Study: ${deck}` }).click();
  await page.getByRole('button', { name: 'Show answer' }).click();
  await page.getByRole('button', { name: /^Good/ }).click();
  await page.getByRole('button', { name: 'Back to decks' }).click();
  await page.getByRole('heading', { name: 'Decks' }).waitFor();
}

const deckTitles = async (page) =>
  (await dbDump(page)).decks
    .filter((d) => d.cardCount > 0)
    .map((d) => d.title)
    .sort();

test('folders fold and stay folded; a deck is deleted with its history, or removed keeping it; sample decks go in one tap', { timeout: 150_000 }, async (t) => {
  const { browser, page } = await openPage(t, PHONE);
  await openApp(page, suite.server.url);

  // Fold "Redes" (a folder of the sample decks): its decks leave the list, and stay folded after a reload.
  const fold = page.getByRole('button', { name: 'Fold Redes' });
  await fold.click();
  await page.getByRole('button', { name: 'Unfold Redes' }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Study: Modelo OSI' }).count(), 0);
  await page.reload();
  await page.getByRole('button', { name: 'Unfold Redes' }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Study: Modelo OSI' }).count(), 0);
  await page.getByRole('button', { name: 'Unfold Redes' }).click();
  await page.getByRole('button', { name: 'Study: Modelo OSI' }).waitFor();

  await importNote(page);
  await reviewOne(page, 'Historia');
  await reviewOne(page, 'La célula');

  // Delete "Historia", keeping its history: its cards retire (and are listed as retired), its review stays.
  await page.getByRole('button', { name: 'Manage decks' }).click();
  await page.getByRole('button', { name: 'Delete Historia' }).click();
  await page.getByText('2 cards and their 1 review.').waitFor();
  await screenshot(page, 'manage-confirm-light');
  await page.getByRole('button', { name: 'Remove, keep history' }).click();
  await page.getByText('“Historia” was removed; its history is kept with the retired cards.').waitFor();
  let dump = await dbDump(page);
  assert.equal(dump.log.length, 2, 'no review was lost');
  assert.ok(!(await deckTitles(page)).includes('Historia'));
  assert.deepEqual(databaseProblems(dump, createScheduler()), []);

  // Delete "La célula" with its history: its cards, states and its review go.
  await page.getByRole('button', { name: 'Delete La célula' }).click();
  await page.getByText(/cards and their 1 review\./).waitFor();
  await page.getByRole('button', { name: 'Delete with its history' }).click();
  await page.getByText('“La célula” was deleted.').waitFor();
  dump = await dbDump(page);
  assert.equal(dump.log.length, 1);
  assert.equal(
    dump.decks.some((d) => d.title === 'La célula'),
    false,
  );
  assert.deepEqual(databaseProblems(dump, createScheduler()), []);
  // A deleted sample deck does not come back with the next start.
  await page.reload();
  await page.getByRole('heading', { name: 'Decks' }).waitFor();
  await page.waitForTimeout(500);
  assert.equal(
    (await dbDump(page)).decks.some((d) => d.title === 'La célula'),
    false,
  );

  // The remaining sample decks: one tap (they hold no review).
  await page.getByRole('button', { name: 'Manage decks' }).click();
  await screenshot(page, 'manage-light');
  await page.getByRole('button', { name: 'Remove the sample decks' }).click();
  await page.getByText('The sample decks were removed. They will not come back.').waitFor();
  await page.reload();
  await page
    .getByRole('heading', { name: /Decks|No decks yet/ })
    .first()
    .waitFor();
  await page.waitForTimeout(500);
  dump = await dbDump(page);
  assert.deepEqual(
    dump.decks.filter((d) => d.origin === 'bundled'),
    [],
  );
  assert.equal(dump.log.length, 1, 'the kept review of Historia is still there');
  assert.deepEqual(databaseProblems(dump, createScheduler()), []);
  assert.deepEqual(browser.errors, []);
});

test('sample decks are offered for removal on the decks screen once the user has decks of their own (360 px, dark, Spanish)', { timeout: 90_000 }, async (t) => {
  const { browser, page } = await openPage(t, SMALL_PHONE, { colorScheme: 'dark', locale: 'es-ES' });
  await page.goto(suite.server.url);
  await page.getByRole('heading', { name: 'Mazos' }).waitFor({ timeout: 20_000 });
  assert.equal(await page.getByRole('button', { name: 'Quitar los mazos de ejemplo' }).count(), 0, 'not before any import');
  const path = join(suite.work, 'historia-es.md');
  writeFileSync(path, NOTE);
  await page.getByRole('button', { name: 'Importar apuntes' }).click();
  await page.getByTestId('import-files').setInputFiles([path]);
  await page.getByRole('button', { name: 'Importar', exact: true }).click();
  await page.getByRole('button', { name: 'Volver a los mazos' }).first().click();
  await page.getByRole('button', { name: 'Quitar los mazos de ejemplo' }).scrollIntoViewIfNeeded();
  await screenshot(page, 'samples-dark-es-360');
  await page.getByRole('button', { name: 'Organizar mazos' }).click();
  await page.getByRole('button', { name: 'Borrar Historia' }).click();
  await page.getByText('2 tarjetas y sus 0 repasos.').waitFor();
  await screenshot(page, 'manage-confirm-dark-es-360');
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), true);
  assert.deepEqual(browser.errors, []);
});
