/** Theme and language choices: kept small, as the page reads them before the first card. */
export type ThemeChoice = 'system' | 'light' | 'dark';
export type LanguageChoice = 'auto' | 'en' | 'es';

export const isThemeChoice = (value: unknown): value is ThemeChoice => value === 'system' || value === 'light' || value === 'dark';
export const isLanguageChoice = (value: unknown): value is LanguageChoice => value === 'auto' || value === 'en' || value === 'es';
