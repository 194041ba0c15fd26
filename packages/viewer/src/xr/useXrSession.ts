import { useCallback, useEffect, useRef, useState } from 'react';
import type { RendererSlot } from '../load/renderer-slot.js';
import { loadXrSession, type XrSessionModule } from './load-xr-session.js';
import type { ViewerXrStore } from './session/index.js';

export type XrMode = 'none' | 'vr' | 'ar';

export interface XrSession {
  /** What the page shows: `none` in the browser view, else the immersive mode (the root's `data-xr`). */
  mode: XrMode;
  /** The XR chunk and its store, once the visitor has asked for XR. */
  loaded?: { module: XrSessionModule; store: ViewerXrStore };
  /** Why the last request failed (the visitor declined, the device is busy…). */
  failed: boolean;
  /** In AR, the element WebXR shows over the camera view (the DOM overlay), for the viewer's HTML. */
  overlay?: HTMLElement;
  enter: (mode: 'vr' | 'ar') => Promise<void>;
  exit: () => void;
}

/**
 * The viewer's immersive session: loads the XR chunk on request, starts and ends sessions,
 * and follows their end however it comes (the menu, the headset's button, taking it off).
 * The chunk and store stay once loaded, so entering again is immediate.
 */
export function useXrSession(renderer: RendererSlot): XrSession {
  const [loaded, setLoaded] = useState<XrSession['loaded']>();
  const [mode, setMode] = useState<XrMode>('none');
  const [failed, setFailed] = useState(false);
  // The store for callbacks and the unmount cleanup, which must not wait for a render.
  const loadedRef = useRef(loaded);

  useEffect(() => {
    const store = loaded?.store;
    if (!store) return;
    const follow = () => {
      const { session, mode: sessionMode } = store.getState();
      setMode(session ? (sessionMode === 'immersive-ar' ? 'ar' : 'vr') : 'none');
    };
    follow();
    return store.subscribe(follow);
  }, [loaded]);

  useEffect(
    () => () => {
      const store = loadedRef.current?.store;
      void store
        ?.getState()
        .session?.end()
        .catch(() => {});
      store?.destroy();
    },
    [],
  );

  const enter = useCallback(
    async (wanted: 'vr' | 'ar') => {
      setFailed(false);
      try {
        const module = await loadXrSession();
        const current = loadedRef.current ?? { module, store: module.createViewerXrStore() };
        if (!loadedRef.current) {
          loadedRef.current = current;
          setLoaded(current);
          if (window.__vitrineDebug) window.__vitrineDebug.xrStore = current.store;
        }
        current.store.setWebXRManager((await renderer.get()).xr);
        await current.store.enterXR(wanted === 'vr' ? 'immersive-vr' : 'immersive-ar');
      } catch (error) {
        console.warn('Vitrine: the immersive session could not start:', error);
        setFailed(true);
      }
    },
    [renderer],
  );

  const exit = useCallback(() => {
    void loadedRef.current?.store
      .getState()
      .session?.end()
      .catch(() => {});
  }, []);

  const overlayRoot = loaded?.store.getState().domOverlayRoot;
  const overlay = mode === 'ar' && overlayRoot instanceof HTMLElement ? overlayRoot : undefined;
  return { mode, loaded, failed, overlay, enter, exit };
}
