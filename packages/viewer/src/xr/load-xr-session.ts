import type * as XrSessionExports from './session/index.js';

/** The XR chunk's exports, typed without loading it. */
export type XrSessionModule = typeof XrSessionExports;

let loading: Promise<XrSessionModule> | undefined;

/**
 * Loads the XR chunk (@react-three/xr, its pointers and the VR/AR stage) once. Called when
 * the visitor points at or focuses an Enter button (so the click finds it loaded and the
 * browser's user-activation window for requestSession is not spent downloading), and on
 * the click itself.
 */
export function loadXrSession(): Promise<XrSessionModule> {
  loading ??= import('./session/index.js').catch((error: unknown) => {
    loading = undefined; // a failed download may be retried
    throw error;
  });
  return loading;
}
