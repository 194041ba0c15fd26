import type { Annotation, AnnotationLayer, AnnotationsDocument, Artefact } from '@vitrine/core';
import { useCallback, useEffect, useMemo, useReducer, useState } from 'react';
import { resolveInsideManifestOrSkip } from '../load/resolve-inside-manifest.js';
import {
  annotationsReducer,
  initialAnnotationsState,
  visibleTour,
  type AnnotationsAction,
  type AnnotationsState,
  type OpenedBy,
} from './annotations-reducer.js';
import { useAnnotationsDocument } from './useAnnotationsDocument.js';

/** How long the guided tour dwells on each annotation while playing. */
export const TOUR_INTERVAL_MS = 6000;

/**
 * The annotations feature's shared state. The viewer creates it once and hands it to both
 * halves of the feature: the hotspots and camera flights inside the Canvas and the panel,
 * layers and tour in the DOM overlay.
 */
export interface AnnotationsController extends AnnotationsState {
  status: 'none' | 'loading' | 'ready' | 'error';
  layers: readonly AnnotationLayer[];
  /** The annotations whose layer is on, in tour order. */
  visible: readonly Annotation[];
  open(id: string, by: OpenedBy): void;
  close(): void;
  step(direction: 1 | -1, by: OpenedBy): void;
  setLayerVisible(id: string, visible: boolean): void;
  setPlaying(playing: boolean): void;
  /**
   * The URL of a file the annotations name (an image, a recording), relative to the
   * artefact; `undefined` for one outside the artefact's folder, which is left out.
   */
  fileUrl(file: string): string | undefined;
  /**
   * The element the hotspots are drawn in: beside the canvas, not inside it, because the
   * canvas is one image to assistive technology and its content is not read.
   */
  hotspotLayer: HTMLElement | null;
  setHotspotLayer(element: HTMLElement | null): void;
  /**
   * Which hotspots the artefact hides from the camera, written by the depth test as the
   * camera moves. A plain map, not state: nothing re-renders for it, the camera flight
   * only reads it when an annotation opens.
   */
  occlusion: Map<string, boolean>;
}

/** Loads the annotations of `artefact` (once it is known) and keeps the visitor's place in them. */
export function useAnnotations(manifestUrl: string, artefact: Artefact | undefined): AnnotationsController {
  const loaded = useAnnotationsDocument(manifestUrl, artefact?.annotations);
  const document = loaded.status === 'ready' ? loaded.document : undefined;
  const [tagged, dispatch] = useReducer(documentReducer, document, (initial) => ({
    document: initial,
    state: initialAnnotationsState(initial),
  }));
  // A new document (another artefact) starts from its own defaults, not the last one's state.
  if (tagged.document !== document) dispatch({ type: 'reset', document });
  const state = tagged.document === document ? tagged.state : initialAnnotationsState(document);
  const [occlusion] = useState(() => new Map<string, boolean>());
  const [hotspotLayer, setHotspotLayer] = useState<HTMLElement | null>(null);
  useEffect(() => () => occlusion.clear(), [document, occlusion]);

  useEffect(() => {
    if (!state.playing) return;
    const timer = setTimeout(() => dispatch({ type: 'advance' }), TOUR_INTERVAL_MS);
    return () => clearTimeout(timer);
  }, [state.playing, state.openId]);

  const open = useCallback((id: string, by: OpenedBy) => dispatch({ type: 'open', id, by }), []);
  const close = useCallback(() => dispatch({ type: 'close' }), []);
  const step = useCallback((direction: 1 | -1, by: OpenedBy) => dispatch({ type: 'step', direction, by }), []);
  const setLayerVisible = useCallback((id: string, visible: boolean) => dispatch({ type: 'layer', id, visible }), []);
  const setPlaying = useCallback((playing: boolean) => dispatch({ type: 'play', playing }), []);
  const fileUrl = useCallback(
    (file: string) => resolveInsideManifestOrSkip(manifestUrl, file, globalThis.document.baseURI),
    [manifestUrl],
  );

  return useMemo(
    () => ({
      ...state,
      status: loaded.status,
      layers: document?.layers ?? [],
      visible: visibleTour(state),
      open,
      close,
      step,
      setLayerVisible,
      setPlaying,
      fileUrl,
      hotspotLayer,
      setHotspotLayer,
      occlusion,
    }),
    [state, loaded.status, document, open, close, step, setLayerVisible, setPlaying, fileUrl, hotspotLayer, occlusion],
  );
}

interface TaggedState {
  document: AnnotationsDocument | undefined;
  state: AnnotationsState;
}

function documentReducer(
  current: TaggedState,
  action: AnnotationsAction | { type: 'reset'; document: AnnotationsDocument | undefined },
): TaggedState {
  if (action.type === 'reset') return { document: action.document, state: initialAnnotationsState(action.document) };
  return { document: current.document, state: annotationsReducer(current.state, action) };
}
