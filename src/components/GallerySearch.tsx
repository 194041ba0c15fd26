import { useId } from 'react';
import { useTranslation } from '../i18n/index.js';

/** The gallery's search field: a landmark of its own, labelled, filtering as the visitor types. */
export function GallerySearch({ query, onQuery }: { query: string; onQuery: (query: string) => void }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <search className="gallery-search">
      <label htmlFor={id}>{t('gallery.search')}</label>
      <input
        id={id}
        type="search"
        value={query}
        placeholder={t('gallery.searchHint')}
        autoComplete="off"
        onChange={(event) => onQuery(event.target.value)}
      />
    </search>
  );
}
