import type { Artefact, Derivative } from '@vitrine/core';
import { useCallback, useEffect, useState } from 'react';
import type { Object3D } from 'three';
import { createGltfLoader } from './create-gltf-loader.js';
import { disposeObject } from './dispose-object.js';
import { fetchArtefact } from './fetch-artefact.js';
import { pickDerivative, resolveArtefactFile } from './pick-derivative.js';

export type ArtefactState =
  | { status: 'loading'; artefact?: Artefact; progress?: number }
  | { status: 'ready'; artefact: Artefact; derivative: Derivative; scene: Object3D }
  | { status: 'error'; artefact?: Artefact; error: Error };

export interface UseArtefactOptions {
  /** Force a profile (thumb, mobile, desktop, vr) instead of choosing for the device. */
  profile?: string;
}

/**
 * Loads an artefact manifest and the derivative for this device. Returns its state and a
 * retry function. Everything loaded is disposed when the source changes or on unmount.
 */
export function useArtefact(src: string, options: UseArtefactOptions = {}): [ArtefactState, () => void] {
  const [attempt, setAttempt] = useState(0);
  const { profile } = options;
  // State is tagged with the request it answers, so a new src reads as "loading" at once
  // instead of showing the previous artefact's state for a render.
  const requestKey = `${attempt}|${profile ?? ''}|${src}`;
  const [tagged, setTagged] = useState<{ key: string; state: ArtefactState }>({
    key: requestKey,
    state: { status: 'loading' },
  });

  useEffect(() => {
    const controller = new AbortController();
    let loaded: Object3D | undefined;
    let cancelled = false;
    const setState = (state: ArtefactState) => setTagged({ key: requestKey, state });
    (async () => {
      const artefact = await fetchArtefact(src, controller.signal);
      if (cancelled) return;
      setState({ status: 'loading', artefact });
      const derivative = pickDerivative(artefact, profile);
      const gltf = await createGltfLoader().loadAsync(resolveArtefactFile(src, derivative.url), (event) => {
        if (!cancelled && event.total > 0)
          setState({ status: 'loading', artefact, progress: event.loaded / event.total });
      });
      loaded = gltf.scene;
      if (cancelled) {
        disposeObject(gltf.scene);
        return;
      }
      setState({ status: 'ready', artefact, derivative, scene: gltf.scene });
    })().catch((error: unknown) => {
      if (!cancelled) setState({ status: 'error', error: error instanceof Error ? error : new Error(String(error)) });
    });
    return () => {
      cancelled = true;
      controller.abort();
      if (loaded) disposeObject(loaded);
    };
  }, [src, profile, requestKey]);

  const retry = useCallback(() => setAttempt((value) => value + 1), []);
  return [tagged.key === requestKey ? tagged.state : { status: 'loading' }, retry];
}
