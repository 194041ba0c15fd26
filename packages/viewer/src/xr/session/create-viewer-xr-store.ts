import { createXRStore, type XRStore } from '@react-three/xr';

export type ViewerXrStore = XRStore;

/**
 * The viewer's XR store. Everything @react-three/xr would otherwise fetch or do on its own
 * is pinned down here:
 * - controller and hand models come from the app's own copy of the WebXR input profiles
 *   (`xr-profiles/` beside the viewer's code, copied there by the build), not jsDelivr;
 * - no emulator is injected and no session is offered or entered without the visitor
 *   asking: `?emulate=` is the app's explicit switch (install-xr-emulator.ts);
 * - AR asks for hit-test, planes and a DOM overlay (the viewer's own root, so the panel,
 *   layers and language controls stay HTML); nothing else that would prompt for
 *   permissions it does not need.
 */
export function createViewerXrStore(domOverlayRoot: Element): ViewerXrStore {
  const baseAssetPath = new URL('./xr-profiles/', import.meta.url).href;
  return createXRStore({
    emulate: false,
    offerSession: false,
    enterGrantedSession: false,
    baseAssetPath,
    domOverlay: domOverlayRoot,
    hitTest: true,
    planeDetection: true,
    handTracking: true,
    anchors: false,
    meshDetection: false,
    bodyTracking: false,
    layers: false,
    depthSensing: false,
    // The visitor's own position decides what they see: nothing teleports or moves them.
    controller: { teleportPointer: false },
    hand: { teleportPointer: false },
  });
}
