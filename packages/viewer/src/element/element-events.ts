import { ARTEFACT_FILE } from '@vitrine/core';

/**
 * The DOM events `<vitrine-viewer>` dispatches, for pages that know nothing of React.
 * `load` and `error` do not bubble, like an `<img>`'s: a bubbling `load` would reach
 * `window` and run the page's own `window.onload` handlers. `annotation-open` bubbles and
 * crosses shadow roots, so a page can listen once for all its viewers.
 */
export interface VitrineViewerLoadDetail {
  /** The artefact's id. */
  id: string;
  /** The derivative profile on show (`thumb`, `mobile`, `desktop`, `vr`). */
  profile: string | undefined;
}

export interface VitrineViewerErrorDetail {
  /** For the page's developer (English); the visitor reads a translated message in the viewer. */
  message: string;
}

export interface VitrineViewerAnnotationOpenDetail {
  /** The id of the annotation the visitor (or the `annotation` attribute) opened. */
  id: string;
}

export interface VitrineViewerEventMap {
  load: CustomEvent<VitrineViewerLoadDetail>;
  error: CustomEvent<VitrineViewerErrorDetail>;
  'annotation-open': CustomEvent<VitrineViewerAnnotationOpenDetail>;
}

const BUBBLES: Readonly<Record<keyof VitrineViewerEventMap, boolean>> = {
  load: false,
  error: false,
  'annotation-open': true,
};

type DetailOf<K extends keyof VitrineViewerEventMap> =
  VitrineViewerEventMap[K] extends CustomEvent<infer D> ? D : never;

export function dispatchViewerEvent<K extends keyof VitrineViewerEventMap>(
  target: EventTarget,
  type: K,
  detail: DetailOf<K>,
): void {
  target.dispatchEvent(new CustomEvent(type, { detail, bubbles: BUBBLES[type], composed: BUBBLES[type] }));
}

/**
 * The artefact's id as the collection layout names it (`<collection>/<id>/artefact.json`),
 * or the file's name without extension for a manifest stored some other way.
 */
export function artefactIdFromManifestUrl(src: string, base = 'http://localhost/'): string {
  const parts = new URL(src, base).pathname.split('/').filter(Boolean).map(decodeURIComponent);
  const file = parts.at(-1) ?? '';
  if (file === ARTEFACT_FILE && parts.length > 1) return parts.at(-2)!;
  return file.replace(/\.[^.]*$/, '');
}
