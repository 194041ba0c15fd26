import { pickText } from '@vitrine/core';
import { useState } from 'react';
import { useTranslation } from '../i18n/index.js';
import { Dimensions } from '../components/Dimensions.js';
import { GallerySearch } from '../components/GallerySearch.js';
import { collectionFileUrl } from '../collection/config.js';
import { searchCollection } from '../collection/search-collection.js';
import type { CollectionState } from '../collection/useCollection.js';
import { hrefFor, useNavigate } from '../routing.js';

/** The collection as a grid of cards, one link per artefact, with a search by title, creator and tag. */
export function GalleryPage({ state }: { state: CollectionState }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const languages = [i18n.language, ...navigator.languages];
  const [query, setQuery] = useSearchQuery();
  const shown = state.status === 'ready' ? searchCollection(state.collection.artefacts, query) : [];

  return (
    <main id="main" className="gallery">
      <h1>
        {state.status === 'ready' && state.collection.title
          ? pickText(state.collection.title, languages)
          : t('gallery.title')}
      </h1>
      {state.status === 'loading' && <p role="status">{t('gallery.loading')}</p>}
      {state.status === 'error' && <p role="alert">{t('gallery.error')}</p>}
      {state.status === 'ready' && (
        <>
          {state.collection.artefacts.length > 0 && <GallerySearch query={query} onQuery={setQuery} />}
          <p role="status" className="gallery-count">
            {query.trim()
              ? t('gallery.found', { count: shown.length, query: query.trim() })
              : t('gallery.count', { count: state.collection.artefacts.length })}
          </p>
          {state.collection.artefacts.length === 0 ? (
            <p>{t('gallery.empty')}</p>
          ) : (
            <ul className="gallery-grid">
              {shown.map((entry) => {
                const title = pickText(entry.title, languages);
                return (
                  <li key={entry.id} className="gallery-card" data-artefact-id={entry.id}>
                    <a
                      href={hrefFor({ page: 'artefact', id: entry.id })}
                      onClick={navigate}
                      aria-label={t('gallery.open', { title })}
                    >
                      {entry.poster ? (
                        <img src={collectionFileUrl(entry.poster)} alt="" loading="lazy" width={512} height={512} />
                      ) : (
                        <span className="poster-placeholder" aria-hidden="true">
                          {title.slice(0, 1)}
                        </span>
                      )}
                      <span className="card-title">{title}</span>
                    </a>
                    <p className="card-meta">
                      <Dimensions dimensions={entry.dimensions} />
                    </p>
                  </li>
                );
              })}
            </ul>
          )}
        </>
      )}
    </main>
  );
}

/** The search text, kept in the address (`?q=`) so that Back from an artefact finds the same results. */
function useSearchQuery(): [string, (query: string) => void] {
  const [query, setQuery] = useState(() => new URLSearchParams(window.location.search).get('q') ?? '');
  const update = (next: string) => {
    setQuery(next);
    const url = new URL(window.location.href);
    if (next) url.searchParams.set('q', next);
    else url.searchParams.delete('q');
    window.history.replaceState(window.history.state, '', url);
  };
  return [query, update];
}
