import { pickText, type Artefact, type CollectionEntry } from '@vitrine/core';
import { ArtefactViewer, type SurfacePick, type ViewerCamera } from '@vitrine/viewer';
import { lazy, Suspense, useEffect, useState, type ReactNode, type RefObject } from 'react';
import { useTranslation } from '../i18n/index.js';
import { MetadataPanel } from '../components/MetadataPanel.js';
import { ShareLink } from '../components/ShareLink.js';
import { collectionFileUrl } from '../collection/config.js';
import { shareUrl } from '../collection/share-url.js';
import type { CollectionState } from '../collection/useCollection.js';
import { editRequested, editToken } from '../editor/edit-session.js';
import { useKiosk } from '../kiosk/KioskContext.js';
import { hrefFor, useNavigate } from '../routing.js';

/** The page with the curator's editor (`vitrine serve --edit`): no visitor loads its code. */
const EditableArtefactPage = lazy(() =>
  import('../editor/EditableArtefactPage.js').then((module) => ({ default: module.EditableArtefactPage })),
);

export interface ArtefactPageProps {
  id: string;
  state: CollectionState;
}

/** What the editor adds to the page: its panel, and the viewer's hooks for placing hotspots. */
export interface ArtefactPageEditing {
  panel: ReactNode;
  /** Counts saves: the viewer is shown anew after each, with the saved annotations. */
  revision: number;
  onSurfacePick: ((pick: SurfacePick) => void) | undefined;
  camera: RefObject<ViewerCamera | null>;
}

/**
 * One artefact: the 3D viewer, what the museum says about it, and a link to share it. With
 * `?edit` and the token `vitrine serve --edit` printed, the editor's page instead.
 */
export function ArtefactPage(props: ArtefactPageProps) {
  // `vitrine serve --edit` opens the page with ?edit and the token; without both, no editor.
  const [token] = useState(() => (editRequested() ? editToken() : undefined));
  if (!token) return <ArtefactPageView {...props} />;
  return (
    <Suspense fallback={null}>
      <EditableArtefactPage {...props} token={token} />
    </Suspense>
  );
}

/** The artefact page itself, with the editor's panel and hooks when `editing` is given. */
export function ArtefactPageView({ id, state, editing }: ArtefactPageProps & { editing?: ArtefactPageEditing }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const language = i18n.language;
  const languages = [language, ...navigator.languages];
  const entry: CollectionEntry | undefined =
    state.status === 'ready' ? state.collection.artefacts.find((artefact) => artefact.id === id) : undefined;
  const [artefact, setArtefact] = useState<Artefact>();
  const [openAnnotation, setOpenAnnotation] = useState<string>();
  const kiosk = useKiosk();
  const attract = kiosk?.attract ? kiosk.settings.attract : undefined;
  const title = entry ? pickText(entry.title, languages) : '';

  useEffect(() => {
    if (title) document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);

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
          <h1>{title}</h1>
          <div className="artefact-layout">
            <div className="viewer-frame">
              <ArtefactViewer
                // Each artefact the kiosk's idle loop shows starts afresh: framing, no panel open.
                // After the editor saves, too: the viewer reads the saved annotations afresh.
                key={`${entry.id}:${kiosk?.cycle ?? 0}:${editing?.revision ?? 0}`}
                src={collectionFileUrl(entry.manifest)}
                lang={language}
                // A language picked in VR or AR becomes the page's too.
                onLanguageChange={(picked) => void i18n.changeLanguage(picked)}
                onArtefactLoad={setArtefact}
                onStateChange={(viewer) => {
                  if (viewer !== 'loading') kiosk?.onArtefactSettled(entry.id);
                }}
                onAnnotationOpen={setOpenAnnotation}
                autoRotate={attract === 'turn'}
                autoplayTour={attract === 'tour'}
                onSurfacePick={editing?.onSurfacePick}
                cameraRef={editing?.camera}
              />
            </div>
            <div className="artefact-details">
              {editing?.panel}
              {artefact?.id === entry.id && <MetadataPanel artefact={artefact} languages={languages} />}
              {!kiosk && <ShareLink url={shareUrl(window.location.href, entry.id, openAnnotation)} title={title} />}
            </div>
          </div>
        </>
      )}
    </main>
  );
}
