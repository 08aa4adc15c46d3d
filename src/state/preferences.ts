/**
 * Theme and language: applied at once, stored with the other settings, and mirrored in localStorage so the
 * first paint of the next visit already has them (IndexedDB answers only after the page has drawn).
 */
import { isLanguageChoice, isThemeChoice, type LanguageChoice, type ThemeChoice } from '../core/preferences.ts';
import type { SettingKey } from '../core/settings-schema.ts';
import { detectLanguage, i18n } from '../i18n/i18n.svelte.ts';

export { isLanguageChoice, isThemeChoice, type LanguageChoice, type ThemeChoice };

export const THEME_SETTING = 'theme' satisfies SettingKey;
export const LANGUAGE_SETTING = 'language' satisfies SettingKey;
const MIRROR = { theme: 'repaso.theme', language: 'repaso.language' } as const;

export function applyTheme(choice: ThemeChoice): void {
  const root = document.documentElement;
  if (choice === 'system') delete root.dataset.theme;
  else root.dataset.theme = choice;
  remember(MIRROR.theme, choice);
}

/** Resolves once the UI speaks the chosen language. */
export function applyLanguage(choice: LanguageChoice): Promise<void> {
  remember(MIRROR.language, choice);
  return i18n.use(choice === 'auto' ? detectLanguage(navigator.languages ?? [navigator.language]) : choice);
}

/** The choices of the last visit, before the database is open. */
export function applyRememberedPreferences(): void {
  const theme = recall(MIRROR.theme);
  const language = recall(MIRROR.language);
  applyTheme(isThemeChoice(theme) ? theme : 'system');
  void applyLanguage(isLanguageChoice(language) ? language : 'auto');
}

// Storage can be disabled (privacy settings): preferences then last for the visit only.
function remember(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    /* not kept */
  }
}

function recall(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}
