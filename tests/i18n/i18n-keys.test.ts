import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.ts';
import { es } from '../../src/i18n/es.ts';

describe('UI strings', () => {
  it('exist in both languages with the same placeholders', () => {
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(placeholders(es[key]), key).toEqual(placeholders(en[key]));
      expect(es[key].trim(), key).not.toBe('');
    }
  });

  it('use the accessible names the review screen promises', () => {
    expect([en['review.showAnswer'], en['review.again'], en['review.hard'], en['review.good'], en['review.easy'], en['review.undo']]).toEqual([
      'Show answer', 'Again', 'Hard', 'Good', 'Easy', 'Undo',
    ]);
    expect([es['review.showAnswer'], es['review.again'], es['review.hard'], es['review.good'], es['review.easy'], es['review.undo']]).toEqual([
      'Mostrar respuesta', 'Otra vez', 'Difícil', 'Bien', 'Fácil', 'Deshacer',
    ]);
  });
});
