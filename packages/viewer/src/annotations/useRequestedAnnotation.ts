import { useEffect, useRef } from 'react';
import type { AnnotationsController } from './useAnnotations.js';

/**
 * Opens the annotation a host asked for (`<ArtefactViewer annotation>`, the element's
 * `annotation` attribute) once the annotations are loaded, and again whenever the host asks
 * for another one. An id the artefact does not have is ignored, as a stale link would be.
 */
export function useRequestedAnnotation(annotations: AnnotationsController, requested: string | undefined): void {
  const { status, tour, open } = annotations;
  const followed = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (status !== 'ready' || requested === followed.current) return;
    followed.current = requested;
    if (requested && tour.some((annotation) => annotation.id === requested)) open(requested, 'link');
  }, [status, tour, open, requested]);
}

/** Tells the host each time the open annotation changes (`undefined` when the panel closes). */
export function useAnnotationOpenCallback(
  annotations: AnnotationsController,
  onAnnotationOpen: ((id: string | undefined) => void) | undefined,
): void {
  const { openId } = annotations;
  const reported = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (openId === reported.current) return;
    reported.current = openId;
    onAnnotationOpen?.(openId);
  }, [openId, onAnnotationOpen]);
}

/** Starts the guided tour once the annotations are loaded, when the host asks (a gallery's idle screen). */
export function useAutoplayTour(annotations: AnnotationsController, autoplay: boolean): void {
  const { status, setPlaying } = annotations;
  const started = useRef(false);
  useEffect(() => {
    if (!autoplay) {
      started.current = false;
      return;
    }
    if (status !== 'ready' || started.current) return;
    started.current = true;
    setPlaying(true);
  }, [status, autoplay, setPlaying]);
}
