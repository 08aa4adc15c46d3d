import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DeckFile, DeckIndex } from '../../src/core/types.ts';

const ROOT = new URL('../..', import.meta.url).pathname;
const NOTES = join(ROOT, 'tests/fixtures/notes');

function runCards(...args: string[]) {
  const run = spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'scripts/build-decks.ts'), ...args], {
    encoding: 'utf8',
    cwd: ROOT,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (sub: string) => {
    for (const entry of readdirSync(join(dir, sub), { withFileTypes: true })) {
      const path = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(path);
      else files[path] = readFileSync(join(dir, path), 'latin1');
    }
  };
  walk('');
  return files;
}

// Each run starts Node, tsx and jsdom: seconds, not milliseconds.
describe('npm run cards', { timeout: 30_000 }, () => {
  it('writes the index, one deck per note and the images they show; skips flashcards: false', () => {
    const out = mkdtempSync(join(tmpdir(), 'repaso-decks-'));
    const run = runCards(NOTES, '--out', out);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('redes/capas.md: 4 cards, 0 warnings → redes-capas.deck.json');
    expect(run.stdout).toContain('oculta.md: no cards — flashcards: false in its front matter');

    const index = JSON.parse(readFileSync(join(out, 'index.json'), 'utf8')) as DeckIndex;
    expect(index.version).toBe(1);
    expect(index.decks.map((d) => [d.id, d.source, d.cards, d.file])).toEqual([
      ['redes-capas', 'redes/capas.md', 4, 'redes-capas.deck.json'],
      ['redes-index', 'redes/index.md', 2, 'redes-index.deck.json'],
    ]);
    expect(index.decks[0]!.path).toEqual(['Redes', 'Capas de red']);
    expect(index.decks[0]!.hash).toMatch(/^[0-9a-f]{16}$/);

    const deck = JSON.parse(readFileSync(join(out, 'redes-capas.deck.json'), 'utf8')) as DeckFile;
    const enlace = deck.cards.find((c) => c.question === '¿Qué hace la capa de enlace?')!;
    expect(Object.keys(enlace)).toEqual(expect.arrayContaining(['key', 'kind', 'question', 'answer', 'context', 'line']));
    expect(enlace.answerHtml).toContain('<img alt="Diagrama de tramas" data-media="media/redes/img/trama.png">');
    expect(existsSync(join(out, 'media/redes/img/trama.png'))).toBe(true);
  });

  it('writes byte-identical files for the same notes', () => {
    const a = mkdtempSync(join(tmpdir(), 'repaso-a-'));
    const b = mkdtempSync(join(tmpdir(), 'repaso-b-'));
    runCards(NOTES, '--out', a);
    runCards(NOTES, '--out', b);
    expect(snapshot(a)).toEqual(snapshot(b));
  });

  it('exits 1 when a note is refused, still writing the others, and removes decks of deleted notes', () => {
    const notes = mkdtempSync(join(tmpdir(), 'repaso-notes-'));
    cpSync(NOTES, notes, { recursive: true });
    const out = mkdtempSync(join(tmpdir(), 'repaso-out-'));
    expect(runCards(notes, '--out', out).code).toBe(0);
    writeFileSync(join(notes, 'binario.md'), new Uint8Array([0, 1, 2, 3, 0, 0, 255]));
    copyFileSync(join(notes, 'redes/index.md'), join(notes, 'copia.md'));
    const run = runCards(notes, '--out', out);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('binario.md: refused — not a text file');
    expect(existsSync(join(out, 'copia.deck.json'))).toBe(true);
    expect(existsSync(join(out, 'redes-capas.deck.json'))).toBe(true);
  });

  it('a notes folder with a top-level index.md writes its deck beside the deck list, never over it (regression)', () => {
    const notes = mkdtempSync(join(tmpdir(), 'repaso-site-'));
    writeFileSync(join(notes, 'index.md'), '---\ntitle: Inicio\n---\n# Inicio\n\n## ¿Qué hay aquí?\n\nApuntes de redes.\n');
    const out = mkdtempSync(join(tmpdir(), 'repaso-out-'));
    expect(runCards(notes, '--out', out).code).toBe(0);
    const index = JSON.parse(readFileSync(join(out, 'index.json'), 'utf8')) as DeckIndex;
    expect(index).toMatchObject({ version: 1, decks: [{ id: 'index', file: 'index.deck.json' }] });
    expect((JSON.parse(readFileSync(join(out, 'index.deck.json'), 'utf8')) as DeckFile).cards).toHaveLength(1);
  });

  it('exits 2 with a usage message for a missing folder or an unknown option', () => {
    const missing = runCards('no/such/folder');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('notes folder "no/such/folder" does not exist');
    expect(runCards('--frobnicate').code).toBe(2);
    expect(runCards('--sample', 'lots').stderr).toContain('--sample needs a whole number');
  });

  it('prints the same random sample of cards on every run, to judge them', () => {
    const out = mkdtempSync(join(tmpdir(), 'repaso-sample-'));
    const site = join(ROOT, 'tests/fixtures/study-site');
    const first = runCards(site, '--out', out, '--sample', '5');
    expect(first.code).toBe(0);
    const sample = first.stdout.slice(first.stdout.indexOf('5 random cards:'));
    expect(sample.trim().split('\n').slice(1)).toHaveLength(5);
    expect(sample).toMatch(/^- \[.+\] .+ → .+$/m);
    // Each card with the breadcrumb the review screen shows above it, not only its deck.
    expect(sample).toMatch(/^- \[[^\]]+ › [^\]]+\] /m);
    expect(runCards(site, '--out', out, '--sample', '5').stdout).toContain(sample);
  });
});
