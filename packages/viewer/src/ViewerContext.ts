import type { Artefact, Derivative } from '@vitrine/core';
import { createContext, useContext } from 'react';
import type { Object3D } from 'three';
import type { ViewerMessages } from './i18n/messages.js';

/**
 * What the viewer's features (stage, annotations, measurement, XR) share about the
 * artefact on show. Provided inside and outside the Canvas, so a feature's 3D part and
 * its DOM part read the same state.
 */
export interface ViewerContextValue {
  artefact: Artefact;
  derivative: Derivative;
  /** The loaded derivative, in metres, standing on y = 0. */
  scene: Object3D;
  /** The language the visitor reads, most wanted first. */
  languages: readonly string[];
  messages: ViewerMessages;
}

export const ViewerContext = createContext<ViewerContextValue | null>(null);

/** The artefact on show; only for components rendered once it has loaded. */
export function useViewer(): ViewerContextValue {
  const value = useContext(ViewerContext);
  if (!value) throw new Error('useViewer() is for components inside <ArtefactViewer> once the artefact is loaded');
  return value;
}
