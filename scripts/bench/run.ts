/**
 * npm run bench [-- extract|browser|import|data|budgets]
 * Prints one table per area. Figures in a table are measured side by side in one run; compare only those.
 */
import { spawnSync } from 'node:child_process';
import { benchBrowser, benchImport } from './browser.ts';
import { benchBudgets } from './budgets.ts';
import { benchData, benchMillionRestore } from './data.ts';
import { EXTRACT_TABLE, benchExtract } from './extract.ts';
import { printTable } from './stats.ts';

const only = process.argv[2];

if (!only || only === 'extract') printTable(EXTRACT_TABLE, benchExtract());

if (!only || only === 'browser') {
  const build = spawnSync('npm', ['run', 'build', '--silent'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (build.status !== 0) throw new Error('npm run build failed');
  printTable('Review in Chromium (persistent profile, 390×844 phone)', await benchBrowser());
}

if (!only || only === 'import') {
  if (only) spawnSync('npm', ['run', 'build', '--silent'], { stdio: ['ignore', 'ignore', 'inherit'] });
  printTable('Import in Chromium (persistent profile, 390×844 phone)', await benchImport());
}

if (!only || only === 'data') {
  if (only) spawnSync('npm', ['run', 'build', '--silent'], { stdio: ['ignore', 'ignore', 'inherit'] });
  printTable('Statistics and backups in Chromium (persistent profile, 390×844 phone)', await benchData());
  printTable('A million reviews in Chromium (persistent profile, 390×844 phone)', await benchMillionRestore());
}

if (!only || only === 'budgets') {
  if (only) spawnSync('npm', ['run', 'build', '--silent'], { stdio: ['ignore', 'ignore', 'inherit'] });
  printTable('Budgets (vite build + vite preview)', await benchBudgets());
}
