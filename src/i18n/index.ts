import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';
import fr from './locales/fr.json';
import it from './locales/it.json';
import pl from './locales/pl.json';

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

export const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, fr: { translation: fr }, it: { translation: it }, pl: { translation: pl } },
  lng: initialLanguage(),
  fallbackLng: 'en',
  supportedLngs: [...UI_LANGUAGES],
  interpolation: { escapeValue: false }, // React escapes what it renders
  returnNull: false,
});
i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});
document.documentElement.lang = i18n.language;
