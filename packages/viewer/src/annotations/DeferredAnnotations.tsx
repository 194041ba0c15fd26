import { lazy, Suspense } from 'react';
import type { AnnotationOverlayProps } from './AnnotationOverlay.js';
import type { AnnotationSceneProps } from './AnnotationScene.js';

const AnnotationScene = lazy(() =>
  import('./AnnotationScene.js').then((module) => ({ default: module.AnnotationScene })),
);
const AnnotationOverlay = lazy(() =>
  import('./AnnotationOverlay.js').then((module) => ({ default: module.AnnotationOverlay })),
);

interface Deferred {
  /** A frame with the artefact is on screen: hotspots are placed on it, so nothing shows earlier. */
  drawn: boolean;
}

/**
 * The annotations' hotspots, depth test and camera moves (inside the Canvas) and their
 * panel, layers and tour (over it), loaded once the artefact is on screen and only for an
 * artefact that has annotations: their code (~10 kB gzip, with drei's Html) then never
 * delays the first frame. Each has its own Suspense boundary; inside the Canvas, R3F's
 * would otherwise hide the whole scene while the code loads.
 */
export function DeferredAnnotationScene({ drawn, ...props }: AnnotationSceneProps & Deferred) {
  if (!drawn || props.annotations.status !== 'ready') return null;
  return (
    <Suspense fallback={null}>
      <AnnotationScene {...props} />
    </Suspense>
  );
}

export function DeferredAnnotationOverlay({ drawn, ...props }: AnnotationOverlayProps & Deferred) {
  if (!drawn || props.annotations.status === 'none') return null;
  return (
    <Suspense fallback={null}>
      <AnnotationOverlay {...props} />
    </Suspense>
  );
}
