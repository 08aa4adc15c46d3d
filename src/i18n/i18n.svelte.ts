import { en, type MessageKey } from './en.ts';
import { es } from './es.ts';

export type Language = 'en' | 'es';
type PluralKey = MessageKey extends infer K ? (K extends `${infer Base}.one` ? Base : never) : never;
export const MESSAGES: Record<Language, Record<MessageKey, string>> = { en, es };

/** Spanish when the browser prefers it, English otherwise. */
export function detectLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'es' || base === 'en') return base;
  }
  return 'en';
}

export function format(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

class I18n {
  language = $state<Language>('en');

  t = (key: MessageKey, values?: Record<string, string | number>): string => format(MESSAGES[this.language][key], values);

  /** A message with `.one` and `.other` forms, chosen by the language's plural rules. */
  plural = (key: PluralKey, count: number, values: Record<string, string | number> = {}): string => {
    const form = new Intl.PluralRules(this.language).select(count) === 'one' ? 'one' : 'other';
    return this.t(`${key}.${form}` as MessageKey, { count, ...values });
  };

  time(at: number): string {
    return new Intl.DateTimeFormat(this.language, { hour: '2-digit', minute: '2-digit' }).format(at);
  }

  /** "tomorrow", "in 3 days", "at 14:05" — relative to now, in the UI language. */
  when(at: number, now: number): string {
    const minutes = Math.round((at - now) / 60_000);
    const relative = new Intl.RelativeTimeFormat(this.language, { numeric: 'auto' });
    if (minutes < 60) return relative.format(Math.max(1, minutes), 'minute');
    if (minutes < 24 * 60) return relative.format(Math.round(minutes / 60), 'hour');
    return relative.format(Math.round(minutes / (24 * 60)), 'day');
  }
}

export const i18n = new I18n();
export const t = i18n.t;
export const plural = i18n.plural;
