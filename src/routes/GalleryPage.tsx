import { pickText } from '@vitrine/core';
import { useTranslation } from 'react-i18next';
import { Dimensions } from '../components/Dimensions.js';
import { collectionFileUrl } from '../collection/config.js';
import type { CollectionState } from '../collection/useCollection.js';
import { hrefFor, useNavigate } from '../routing.js';

/** The collection as a grid of cards, one link per artefact. */
export function GalleryPage({ state }: { state: CollectionState }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const languages = [i18n.resolvedLanguage ?? 'en', ...navigator.languages];

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
          <p>{t('gallery.count', { count: state.collection.artefacts.length })}</p>
          {state.collection.artefacts.length === 0 ? (
            <p>{t('gallery.empty')}</p>
          ) : (
            <ul className="gallery-grid">
              {state.collection.artefacts.map((entry) => {
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
