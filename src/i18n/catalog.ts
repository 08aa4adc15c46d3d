/**
 * Messages of a screen loaded on demand, kept beside it rather than in the main bundle. Spanish must have every
 * English key (a type error otherwise, and tests/i18n checks each catalog too).
 */
import { format, i18n, pluralForm, type Language } from './i18n.svelte.ts';

type Values = Record<string, string | number>;
type PluralBase<K extends string> = K extends `${infer Base}.one` ? Base : never;

export interface Messages<K extends string> {
  catalog: Record<Language, Record<K, string>>;
  t(key: K, values?: Values): string;
  /** A message with `.one` and `.other` forms; `{count}` is formatted for the language. */
  plural(key: PluralBase<K>, count: number, values?: Values): string;
}

export function defineMessages<const E extends Record<string, string>>(en: E, es: Record<keyof E & string, string>): Messages<keyof E & string> {
  type K = keyof E & string;
  const catalog: Record<Language, Record<K, string>> = { en, es };
  const t = (key: K, values?: Values) => format(catalog[i18n.language][key], values);
  return {
    catalog,
    t,
    plural: (key, count, values = {}) => t(`${key}.${pluralForm(i18n.language, count)}` as K, { count: i18n.number(count), ...values }),
  };
}
