import type { Artefact } from '@vitrine/core';
import { useCallback, useState } from 'react';
import type { Object3D } from 'three';
import { shownDerivative } from './shown-derivative.js';
import type { ArtefactState, LoadedDerivative } from './useArtefact.js';

export type ViewerState = 'loading' | 'ready' | 'error';

/**
 * What is on screen, as against what is loaded: the derivative to show (the thumb while the
 * target downloads, then the target), the one a frame has actually drawn, and the state
 * the viewer reports. "ready" is the target drawn in the studio's light: the first frames
 * have plain lights while the studio environment is built (see StudioEnvironment).
 *
 * @param freeReplaced useArtefact's third value: frees what a drawn derivative replaced.
 */
export function useDrawnArtefact(state: ArtefactState, freeReplaced: (scene: Object3D) => void) {
  const shown = shownDerivative(state);
  const [drawn, setDrawn] = useState<{ artefact?: Artefact; loaded: LoadedDerivative } | undefined>(undefined);
  const drawnNow = drawn && drawn.artefact === state.artefact ? drawn.loaded : undefined;
  const [studioLit, setStudioLit] = useState(false);
  const viewerState: ViewerState =
    state.status === 'error'
      ? 'error'
      : state.status === 'ready' && drawnNow?.scene === state.scene && studioLit
        ? 'ready'
        : 'loading';
  /** For ReadySignal: a frame with `shown` is on screen. */
  const onDrawn = useCallback(() => {
    if (!shown) return;
    setDrawn({ artefact: state.artefact, loaded: shown });
    freeReplaced(shown.scene);
  }, [shown, state.artefact, freeReplaced]);
  return { shown, drawnNow, viewerState, onDrawn, onStudioLit: setStudioLit };
}
