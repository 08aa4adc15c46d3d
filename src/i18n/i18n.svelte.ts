import { intervalParts } from '../core/scheduler.ts';
import type { MessageKey } from './en.ts';

export type Language = 'en' | 'es';
type PluralKey = MessageKey extends infer K ? (K extends `${infer Base}.one` ? Base : never) : never;
type Catalog = Record<MessageKey, string>;

// Each language is a chunk of its own: a phone downloads only the one it speaks before the first card.
const LOADERS: Record<Language, () => Promise<Catalog>> = {
  en: () => import('./en.ts').then((m) => m.en),
  es: () => import('./es.ts').then((m) => m.es),
};

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

export function pluralForm(language: Language, count: number): 'one' | 'other' {
  return new Intl.PluralRules(language).select(count) === 'one' ? 'one' : 'other';
}

class I18n {
  language = $state<Language>('en');
  private catalogs = $state.raw<Partial<Record<Language, Catalog>>>({});
  private loading: Promise<void> = Promise.resolve();

  /** Loads a language's messages, then switches the whole UI to it. */
  use(language: Language): Promise<void> {
    this.loading = (async () => {
      if (!this.catalogs[language]) {
        const catalog = await LOADERS[language]();
        this.catalogs = { ...this.catalogs, [language]: catalog };
      }
      this.language = language;
    })();
    return this.loading;
  }

  /** Resolves once the language last asked for can be shown. */
  ready(): Promise<void> {
    return this.loading;
  }

  /** A message in the current language; empty for the instant before its messages have loaded. */
  t = (key: MessageKey, values?: Record<string, string | number>): string => {
    const catalog = this.catalogs[this.language];
    return catalog ? format(catalog[key], values) : '';
  };

  /** A message with `.one` and `.other` forms, chosen by the language's plural rules. */
  plural = (key: PluralKey, count: number, values: Record<string, string | number> = {}): string =>
    this.t(`${key}.${pluralForm(this.language, count)}` as MessageKey, { count: this.number(count), ...values });

  number(value: number, options?: Intl.NumberFormatOptions): string {
    return new Intl.NumberFormat(this.language, options).format(value);
  }

  /**
   * A rating button's interval, short: "10m", "3d", "1.5y"; months in their short form ("2.5 mths") so they are not
   * read as minutes. `long` writes it out for screen readers: "10 minutes", "3 days".
   */
  interval(ms: number, display: 'short' | 'long' = 'short'): string {
    const { value, unit } = intervalParts(ms);
    const unitDisplay = display === 'long' ? 'long' : unit === 'month' ? 'short' : 'narrow';
    return this.number(value, { style: 'unit', unit, unitDisplay, maximumFractionDigits: 1 });
  }

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
