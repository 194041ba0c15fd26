import { useId } from 'react';
import { LANGUAGE_NAMES, UI_LANGUAGES, rememberLanguage, useTranslation, type UiLanguage } from '../i18n/index.js';

/** A labelled select of the interface languages; the choice is remembered on this device. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const id = useId();
  return (
    <div className="language-switcher">
      <label htmlFor={id}>{t('app.language')}</label>
      <select
        id={id}
        value={i18n.language}
        onChange={(event) => {
          const language = event.target.value as UiLanguage;
          rememberLanguage(language);
          void i18n.changeLanguage(language);
        }}
      >
        {UI_LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {LANGUAGE_NAMES[language]}
          </option>
        ))}
      </select>
    </div>
  );
}
