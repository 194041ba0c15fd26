import { createXRStore, type XRStore } from '@react-three/xr';
import type {} from '../install-xr-emulator.js';

export type ViewerXrStore = XRStore;

/**
 * The viewer's XR store. Everything @react-three/xr would otherwise fetch or do on its own
 * is pinned down here:
 * - controller and hand models come from the app's own copy of the WebXR input profiles
 *   (`xr-profiles/` beside the viewer's code, copied there by the build), not jsDelivr;
 * - no emulator is injected and no session is offered or entered without the visitor
 *   asking: `?emulate=` is the app's explicit switch (install-xr-emulator.ts);
 * - AR asks for hit-test, planes and a DOM overlay: the store's own element, which it
 *   keeps in the body and shows only during a session; the viewer portals its panel,
 *   layers, language and AR controls into it. (Given the viewer's root instead, the store
 *   would move the whole viewer, canvas and all, into the body.) Nothing else is asked
 *   for that would prompt for permissions it does not need.
 */
export function createViewerXrStore(): ViewerXrStore {
  // Through a variable: Vite rewrites `new URL('<literal>', import.meta.url)` as an asset
  // import, and in development it would drop the folder's trailing slash.
  const chunkUrl = import.meta.url;
  const baseAssetPath = new URL('./xr-profiles/', chunkUrl).href;
  return createXRStore({
    emulate: false,
    offerSession: false,
    enterGrantedSession: false,
    baseAssetPath,
    domOverlay: true,
    hitTest: true,
    planeDetection: true,
    handTracking: true,
    anchors: false,
    meshDetection: false,
    bodyTracking: false,
    layers: false,
    depthSensing: false,
    // The emulator (?emulate=) draws a Quest 3's full-resolution eye buffers on the desktop's
    // CPU or GPU; a quarter of it keeps the emulated session responsive. A real headset
    // keeps its own resolution.
    frameBufferScaling: typeof window !== 'undefined' && window.vitrineXrEmulator ? 0.25 : undefined,
    // The visitor's own position decides what they see: nothing teleports or moves them.
    controller: { teleportPointer: false },
    hand: { teleportPointer: false },
  });
}
