import { useEffect, useRef } from 'react';
import type { AnnotationsController } from './useAnnotations.js';

const PARAMETER = 'annotation';

/**
 * `#annotation=<id>` in the page URL opens that annotation once the annotations are
 * loaded, and opening or closing one keeps the hash in step (replaceState: no history
 * entry per annotation), so the address bar can always be shared. Other parameters in
 * the hash are the host page's and are kept. `enabled: false` leaves the URL alone.
 */
export function useAnnotationDeepLink(annotations: AnnotationsController, enabled: boolean): void {
  const { status, tour, openId, open } = annotations;
  const written = useRef<string | undefined>(undefined);

  useEffect(() => {
    if (!enabled || status !== 'ready') return;
    const follow = () => {
      const id = readHashId();
      if (id && tour.some((annotation) => annotation.id === id)) open(id, 'link');
    };
    follow();
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, [enabled, status, tour, open]);

  useEffect(() => {
    if (!enabled || status !== 'ready') return;
    // Only what this viewer opened is ever cleared: a link to an unknown id stays as it was.
    if (openId === undefined && written.current === undefined) return;
    written.current = openId;
    writeHashId(openId);
  }, [enabled, status, openId]);
}

function readHashId(): string | undefined {
  return new URLSearchParams(window.location.hash.slice(1)).get(PARAMETER) ?? undefined;
}

function writeHashId(id: string | undefined): void {
  const params = new URLSearchParams(window.location.hash.slice(1));
  if (params.get(PARAMETER) === (id ?? null)) return;
  if (id) params.set(PARAMETER, id);
  else params.delete(PARAMETER);
  const hash = params.toString();
  const { pathname, search } = window.location;
  window.history.replaceState(window.history.state, '', `${pathname}${search}${hash ? `#${hash}` : ''}`);
}
