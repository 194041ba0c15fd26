import { pickText, type CollectionEntry } from '@vitrine/core';
import { ArtefactViewer } from '@vitrine/viewer';
import { useTranslation } from 'react-i18next';
import { Dimensions } from '../components/Dimensions.js';
import { collectionFileUrl } from '../collection/config.js';
import type { CollectionState } from '../collection/useCollection.js';
import { hrefFor, useNavigate } from '../routing.js';

/** One artefact: the 3D viewer and what the museum says about it. */
export function ArtefactPage({ id, state }: { id: string; state: CollectionState }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const language = i18n.resolvedLanguage ?? 'en';
  const entry: CollectionEntry | undefined =
    state.status === 'ready' ? state.collection.artefacts.find((artefact) => artefact.id === id) : undefined;

  return (
    <main id="main" className="artefact-page">
      <p>
        <a href={hrefFor({ page: 'gallery' })} onClick={navigate}>
          ← {t('artefact.back')}
        </a>
      </p>
      {state.status === 'loading' && <p role="status">{t('gallery.loading')}</p>}
      {state.status === 'error' && <p role="alert">{t('gallery.error')}</p>}
      {state.status === 'ready' && !entry && <p role="alert">{t('artefact.notFound', { id })}</p>}
      {entry && (
        <>
          <h1>{pickText(entry.title, [language, ...navigator.languages])}</h1>
          <div className="viewer-frame">
            <ArtefactViewer
              key={entry.id}
              src={collectionFileUrl(entry.manifest)}
              lang={language}
              // A language picked in VR or AR becomes the page's too.
              onLanguageChange={(picked) => void i18n.changeLanguage(picked)}
            />
          </div>
          <dl className="artefact-facts">
            <dt>{t('artefact.dimensions')}</dt>
            <dd>
              <Dimensions dimensions={entry.dimensions} />
            </dd>
          </dl>
        </>
      )}
    </main>
  );
}
