import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.ts';
import { es } from '../../src/i18n/es.ts';
import { settingsMessages } from '../../src/i18n/settings-messages.ts';
import { statsMessages } from '../../src/i18n/stats-messages.ts';
import { importMessages } from '../../src/i18n/import-messages.ts';

/** Every catalog of the app: the main one and those of screens loaded on demand. */
const CATALOGS: [string, Record<string, string>, Record<string, string>][] = [
  ['main', en, es],
  ['stats', statsMessages.catalog.en, statsMessages.catalog.es],
  ['settings', settingsMessages.catalog.en, settingsMessages.catalog.es],
  ['import', importMessages.catalog.en, importMessages.catalog.es],
];
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('UI strings', () => {
  it.each(CATALOGS)('of the %s catalog exist in both languages with the same placeholders', (_name, english, spanish) => {
    expect(Object.keys(spanish).sort()).toEqual(Object.keys(english).sort());
    for (const key of Object.keys(english)) {
      expect(placeholders(spanish[key]!), key).toEqual(placeholders(english[key]!));
      expect(spanish[key]!.trim(), key).not.toBe('');
    }
  });

  it('come in both plural forms wherever one is used', () => {
    for (const [name, english] of CATALOGS) {
      for (const key of Object.keys(english).filter((k) => k.endsWith('.one'))) expect(english, `${name} ${key}`).toHaveProperty(key.replace(/one$/, 'other'));
    }
  });

  it('use the accessible names the review screen promises', () => {
    expect([en['review.showAnswer'], en['review.again'], en['review.hard'], en['review.good'], en['review.easy'], en['review.undo']]).toEqual([
      'Show answer',
      'Again',
      'Hard',
      'Good',
      'Easy',
      'Undo',
    ]);
    expect([es['review.showAnswer'], es['review.again'], es['review.hard'], es['review.good'], es['review.easy'], es['review.undo']]).toEqual([
      'Mostrar respuesta',
      'Otra vez',
      'Difícil',
      'Bien',
      'Fácil',
      'Deshacer',
    ]);
  });
});

describe('intervals on the rating buttons', () => {
  it('are written by Intl in the UI language, months never mistaken for minutes', async () => {
    const { i18n } = await import('../../src/i18n/i18n.svelte.ts');
    const MIN = 60_000;
    const DAY = 86_400_000;
    const spans = [MIN, 10 * MIN, 3 * 60 * MIN, 3 * DAY, 76 * DAY, 548 * DAY];
    await i18n.use('en');
    expect(spans.map((ms) => i18n.interval(ms))).toEqual(['1m', '10m', '3h', '3d', '2.5 mths', '1.5y']);
    await i18n.use('es');
    expect(spans.map((ms) => i18n.interval(ms))).toEqual(['1min', '10min', '3h', '3d', '2,5 m.', '1,5a']);
  });
});
