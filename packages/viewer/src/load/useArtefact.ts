import type { Artefact, Derivative } from '@vitrine/core';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Object3D, WebGLRenderer } from 'three';
import { disposeObject } from './dispose-object.js';
import { fetchArtefact } from './fetch-artefact.js';
import { loadDerivative } from './load-derivative.js';
import { planDerivatives, resolveArtefactFile } from './pick-derivative.js';

/** A derivative and the scene parsed from it (in metres, standing on y = 0). */
export interface LoadedDerivative {
  derivative: Derivative;
  scene: Object3D;
}

export type ArtefactState =
  | {
      status: 'loading';
      artefact?: Artefact;
      /** The derivative being downloaded for this device. */
      target?: Derivative;
      /** Share of the target downloaded, 0–1, when the size is known. */
      progress?: number;
      /** A lighter derivative (the thumb) to show meanwhile. */
      preview?: LoadedDerivative;
    }
  | ({ status: 'ready'; artefact: Artefact } & LoadedDerivative)
  | { status: 'error'; artefact?: Artefact; error: Error };

export interface UseArtefactOptions {
  /** Force a profile (thumb, mobile, desktop, vr) instead of choosing for the device. */
  profile?: string;
  /** The renderer that will draw the artefact; needed only for derivatives with KTX2 textures. */
  renderer?: () => Promise<WebGLRenderer>;
}

/**
 * Loads an artefact manifest, then the thumb and the derivative for this device side by
 * side: the thumb shows first, the target replaces it when it has loaded. Returns the
 * state, a retry function, and `drawn`, which the caller calls with a scene once it is on
 * screen, so that what it replaced can be freed without a frame drawing freed buffers.
 * Everything loaded is disposed when the source changes or on unmount, and downloads stop.
 */
export function useArtefact(
  src: string,
  options: UseArtefactOptions = {},
): [ArtefactState, () => void, (scene: Object3D) => void] {
  const [attempt, setAttempt] = useState(0);
  const { profile } = options;
  const rendererRef = useRef(options.renderer);
  useLayoutEffect(() => {
    rendererRef.current = options.renderer;
  });
  // State is tagged with the request it answers, so a new src reads as "loading" at once
  // instead of showing the previous artefact's state for a render.
  const requestKey = `${attempt}|${profile ?? ''}|${src}`;
  const [tagged, setTagged] = useState<{ key: string; state: ArtefactState }>({
    key: requestKey,
    state: { status: 'loading' },
  });
  // Scenes of the current request in the order they loaded, not yet freed.
  const liveScenes = useRef<Object3D[]>([]);

  useEffect(() => {
    const controller = new AbortController();
    const { signal } = controller;
    const live: Object3D[] = [];
    liveScenes.current = live;
    let cancelled = false;
    const setState = (state: ArtefactState) => {
      if (!cancelled) setTagged({ key: requestKey, state });
    };
    const renderer = () => rendererRef.current?.() ?? Promise.reject(new Error('no renderer for KTX2 textures'));
    const load = async (derivative: Derivative, onProgress?: (share: number) => void) => {
      const url = resolveArtefactFile(src, derivative.url);
      const scene = await loadDerivative(url, { signal, onProgress, renderer, expectedBytes: derivative.bytes });
      if (cancelled) {
        disposeObject(scene);
        throw signal.reason;
      }
      live.push(scene);
      return scene;
    };

    (async () => {
      const artefact = await fetchArtefact(src, signal);
      const { first, target } = planDerivatives(artefact, profile);
      let loading: Extract<ArtefactState, { status: 'loading' }> = { status: 'loading', artefact, target };
      setState(loading);
      // Once the target has loaded or failed, a late thumb has nothing to add.
      let targetSettled = false;
      if (first) {
        // The thumb is a courtesy: if it fails, the visitor waits for the target as before.
        load(first)
          .then((scene) => {
            if (targetSettled) return free(live, scene);
            loading = { ...loading, preview: { derivative: first, scene } };
            setState(loading);
          })
          .catch(() => {});
      }
      let shownPercent = -1;
      const scene = await load(target, (share) => {
        // One update a percent: each one re-renders the viewer.
        const percent = Math.floor(share * 100);
        if (percent === shownPercent) return;
        shownPercent = percent;
        loading = { ...loading, progress: share };
        setState(loading);
      }).finally(() => (targetSettled = true));
      setState({ status: 'ready', artefact, derivative: target, scene });
    })().catch((error: unknown) => {
      if (cancelled) return;
      setState({ status: 'error', error: error instanceof Error ? error : new Error(String(error)) });
    });
    return () => {
      cancelled = true;
      controller.abort();
      for (const scene of live.splice(0)) disposeObject(scene);
    };
  }, [src, profile, requestKey]);

  const retry = useCallback(() => setAttempt((value) => value + 1), []);
  const drawn = useCallback((scene: Object3D) => {
    // Everything that loaded before the scene now on screen has been replaced by it.
    const live = liveScenes.current;
    const at = live.indexOf(scene);
    for (const older of live.splice(0, Math.max(at, 0))) disposeObject(older);
  }, []);
  return [tagged.key === requestKey ? tagged.state : { status: 'loading' }, retry, drawn];
}

function free(live: Object3D[], scene: Object3D): void {
  const at = live.indexOf(scene);
  if (at >= 0) live.splice(at, 1);
  disposeObject(scene);
}
