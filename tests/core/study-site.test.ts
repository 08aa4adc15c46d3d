/**
 * A whole study site in the style of our user's (tests/fixtures/study-site: 28 pages exported from a notes app,
 * turned into a docs site, partly pasted from chat assistants): every page builds, and every question stands on
 * its own.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/core/deck.ts';
import { extractNote } from '../../src/core/extract/index.ts';
import { isChatLeftover } from '../../src/core/extract/noise.ts';
import { isGenericTitle } from '../../src/core/extract/titles.ts';
import { resolveNotePath } from '../../src/core/paths.ts';

const SITE = new URL('../fixtures/study-site/', import.meta.url).pathname;

function notes(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return notes(path);
    return name.endsWith('.md') ? [relative(SITE, path)] : [];
  });
}

const sources = notes(SITE).sort();
const built = sources.map((source) => {
  const result = extractNote(readFileSync(join(SITE, source)), source);
  if (!result.ok) throw new Error(`${source} refused: ${result.reason}`);
  const deck = buildDeck(result, { hasImage: (path) => existsSync(join(SITE, path)), sanitizeAll: (html) => html });
  return { source, result, deck };
});
const cards = built.flatMap((b) => b.deck.file.cards);

describe('a whole study site', () => {
  it('builds every page', () => {
    expect(sources.length).toBeGreaterThanOrEqual(25);
    expect(built.every((b) => b.result.ok)).toBe(true);
  });

  it('asks no empty, generic, decorated or chatty question, and leaves no bold markers in one', () => {
    expect(cards.length).toBeGreaterThan(100);
    for (const card of cards) {
      expect(card.question.trim(), card.key).not.toBe('');
      expect(isGenericTitle(card.question), card.question).toBe(false);
      expect(card.question, card.key).not.toMatch(/^[\p{Extended_Pictographic}\d]|\*\*/u);
      expect(isChatLeftover(card.question), card.question).toBe(false);
      expect(card.answer.trim(), card.question).not.toBe('');
    }
  });

  it('leaves chat leftovers out of every answer', () => {
    const leftovers = /¡Claro!|¿Te quedó|¿Te gustaría|Sure! Here|Let me know|Would you like|Hope this helps|Espero que esto|¿Quieres que/;
    expect(cards.filter((c) => leftovers.test(c.answer)).map((c) => c.question)).toEqual([]);
  });

  it('makes no cards from the to-do page, the talk notes (flashcards: false) or skipped sections', () => {
    const count = (source: string) => built.find((b) => b.source === source)!.deck.file.cards.length;
    expect(count('notas/plan-de-estudio.md')).toBe(0);
    expect(built.find((b) => b.source === 'notas/charla-meetup.md')!.result).toMatchObject({ skipped: true });
    expect(cards.map((c) => c.question)).not.toContain('Ideas para probar');
    expect(cards.map((c) => c.question)).not.toContain('Ideas sueltas');
    expect(cards.some((c) => /Install Chroma|El curso de DataCamp/.test(c.answer))).toBe(false);
  });

  it('copies every image it finds and warns about the one that is missing', () => {
    const images = built.flatMap((b) => b.deck.images).sort();
    expect(images).toEqual([
      'assets/images/llm/image 7.png',
      'assets/images/lora.png',
      'llm/GPT (Generative Pre-trained Transformer) 105c2187ea12808199faedf07041ecf3/image.png',
      'rag/image 25.png',
    ]);
    expect(images.every((path) => resolveNotePath('x.md', path) === path && existsSync(join(SITE, path)))).toBe(true);
    const warnings = built.flatMap((b) => [...b.result.warnings, ...b.deck.warnings]).map((w) => `${w.file}:${w.line} ${w.message}`);
    expect(warnings).toEqual(['llm/arquitecturas-llm.md:25 image not found: assets/moe-diagram.png']);
  });

  it('gives each page the cards a reader expects (a change here is a change of the rules)', () => {
    expect(Object.fromEntries(built.map((b) => [b.source, b.deck.file.cards.length]))).toMatchInlineSnapshot(`
      {
        "agents/index.md": 10,
        "agents/uso-de-herramientas.md": 7,
        "fine-tuning/index.md": 7,
        "fine-tuning/lora.md": 3,
        "hallucinations.md": 6,
        "index.md": 0,
        "llm/Context LLM 28ec2187ea128012ae25cb0107a010a7.md": 4,
        "llm/GPT (Generative Pre-trained Transformer) 105c2187ea12808199faedf07041ecf3.md": 3,
        "llm/SLMs (The Small Language Models) 178c2187ea128090861bfd47a8252702.md": 7,
        "llm/arquitecturas-llm.md": 7,
        "llm/clasificacion-llm.md": 8,
        "llm/herramientas-frameworks.md": 5,
        "llm/index.md": 0,
        "llm/introduccion-llm.md": 7,
        "llm/llm-evaluations.md": 8,
        "llm/tipos-de-llm.md": 9,
        "notas/borrador.md": 2,
        "notas/charla-meetup.md": 0,
        "notas/plan-de-estudio.md": 0,
        "prompting/chain-of-thought.md": 5,
        "prompting/few-shot.md": 4,
        "prompting/index.md": 7,
        "rag/chunking.md": 3,
        "rag/embeddings.md": 5,
        "rag/index.md": 6,
        "rag/vector-databases.md": 6,
        "tokenization.md": 4,
        "transformers/attention.md": 3,
      }
    `);
  });
});
