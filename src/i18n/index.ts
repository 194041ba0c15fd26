import { useCallback, useMemo, useSyncExternalStore } from 'react';
import en from './locales/en.json';
import fr from './locales/fr.json';
import it from './locales/it.json';
import pl from './locales/pl.json';
import { translate, type Messages, type TranslateValues } from './translate.js';

export const UI_LANGUAGES = ['en', 'fr', 'it', 'pl'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

/** Each language named in itself, as a visitor looking for theirs would read it. */
export const LANGUAGE_NAMES: Readonly<Record<UiLanguage, string>> = {
  en: 'English',
  fr: 'Français',
  it: 'Italiano',
  pl: 'Polski',
};

const STORAGE_KEY = 'vitrine.language';

/** The visitor's earlier choice, else the first browser language we speak, else English. */
export function initialLanguage(): UiLanguage {
  return firstSpoken([safeStorage()?.getItem(STORAGE_KEY), ...navigator.languages]);
}

/** The browser's first language that we speak, else English: where a kiosk starts each visit. */
export function browserLanguage(): UiLanguage {
  return firstSpoken(navigator.languages);
}

function firstSpoken(tags: readonly (string | null | undefined)[]): UiLanguage {
  for (const tag of tags) {
    const base = tag?.toLowerCase().split('-')[0] as UiLanguage | undefined;
    if (base && UI_LANGUAGES.includes(base)) return base;
  }
  return 'en';
}

/** Kept on this device for the next visit; not on a kiosk, where the next visitor is someone else. */
export function rememberLanguage(language: UiLanguage): void {
  if (new URLSearchParams(window.location.search).has('kiosk')) return;
  safeStorage()?.setItem(STORAGE_KEY, language);
}

function safeStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined; // storage can be disabled (privacy settings, some kiosks)
  }
}

const MESSAGES: Readonly<Record<UiLanguage, Messages>> = { en, fr, it, pl };

/**
 * The visitor's UI language for the whole page: one value, changed by the language menu
 * (and by a kiosk going back to the browser's), read by every component through
 * useTranslation. The document's `lang` follows it, for screen readers and hyphenation.
 */
let current: UiLanguage = initialLanguage();
const listeners = new Set<() => void>();
document.documentElement.lang = current;

export const i18n = {
  get language(): UiLanguage {
    return current;
  },
  async changeLanguage(language: string): Promise<void> {
    const next = UI_LANGUAGES.find((spoken) => spoken === language) ?? 'en';
    if (next === current) return;
    current = next;
    document.documentElement.lang = next;
    for (const listener of listeners) listener();
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

export type Translate = (key: string, values?: TranslateValues) => string;

/** `t` for the current language, and the language itself; components re-render when it changes. */
export function useTranslation(): { t: Translate; i18n: typeof i18n } {
  const language = useSyncExternalStore(i18n.subscribe, () => current);
  const t = useCallback<Translate>(
    (key, values) => translate(language, MESSAGES[language], en, key, values),
    [language],
  );
  return useMemo(() => ({ t, i18n }), [t]);
}
