import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractNote } from '../../src/core/extract/index.ts';

// The user's real page, shared beside the project when it is present (never required by the project itself).
const SEED = new URL('../../../shared/notes/llm/introduccion-llm.md', import.meta.url);
const present = existsSync(SEED);

describe.skipIf(!present)('the user page in ../shared/notes', () => {
  const result = present ? extractNote(readFileSync(SEED), 'llm/introduccion-llm.md') : null;
  const cards = result?.ok ? result.cards : [];
  const byQuestion = new Map(cards.map((c) => [c.question, c]));

  it('builds a deck titled from the front matter, under its parent', () => {
    expect(result).toMatchObject({ ok: true, deck: { title: 'Introducción a LLM', path: ['LLM – Modelos de Lenguaje', 'Introducción a LLM'] } });
    expect(result!.warnings).toEqual([]);
  });

  it('yields the cards a reader expects', () => {
    for (const question of [
      'Un LLM (Large Language Model), o Modelo de Lenguaje Grande',
      'Tamaño del modelo',
      'Entrenamiento con grandes volúmenes de datos',
      'Pre-entrenamiento y ajuste fino',
      'Desafíos y Limitaciones',
      'Bias y equidad',
      'Costos de entrenamiento',
      'Necesidad de interpretabilidad',
    ]) {
      expect(byQuestion.has(question), question).toBe(true);
    }
    const nlp = cards.find((c) => c.question.includes('Diferencia Entre el Procesamiento del Lenguaje Natural'));
    expect(nlp?.kind).toBe('question');
    expect(nlp?.answer).toMatch(/^NLP es la abreviatura/);
  });

  it('gives the three challenge terms their definitions', () => {
    expect(byQuestion.get('Bias y equidad')?.answer).toMatch(/^Los LLMs pueden aprender sesgos/);
    expect(byQuestion.get('Desafíos y Limitaciones')?.answer.split('\n')).toHaveLength(3);
  });

  it('makes no card from the navigation links after the thematic break, nor from resources or the image', () => {
    const nav = ['Context LLM', 'Tipos de LLM', 'LLM Foundational', 'Clasificación de los LLM', 'Herramientas y Frameworks'];
    for (const card of cards) {
      for (const title of nav) expect(card.question).not.toContain(title);
      expect(card.answer).not.toMatch(/context-llm\.md|tipos-de-llm\.md|image 7\.png|Coursera/);
    }
  });

  it('keeps the indented heading inside a bullet as its own section', () => {
    const applications = byQuestion.get('Aplicaciones de los LLMs');
    expect(applications?.answer).toMatch(/^- Debido a su tamaño/);
    expect(applications?.answer).not.toContain('Entrenar LLM');
    expect(byQuestion.get('Algunos ejemplos específicos de usos para los grandes modelos del lenguaje incluyen')?.answer).toMatch(/^- Entrenar LLM/);
  });
});
