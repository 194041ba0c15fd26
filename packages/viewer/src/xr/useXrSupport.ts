import { useEffect, useState } from 'react';

export interface XrSupport {
  vr: boolean;
  ar: boolean;
  /** False until WebXR has answered (or is known to be absent): a fallback waits for it. */
  known: boolean;
}

const UNKNOWN: XrSupport = { vr: false, ar: false, known: false };
const ABSENT: XrSupport = { vr: false, ar: false, known: true };

/**
 * Which immersive modes this browser offers, asked of WebXR itself
 * (`navigator.xr.isSessionSupported`), never guessed from the user agent. Asked again when
 * a headset is plugged in or out (`devicechange`). Costs no XR code: the XR chunk loads only
 * when the visitor asks to enter.
 */
export function useXrSupport(): XrSupport {
  const [support, setSupport] = useState<XrSupport>(() =>
    typeof navigator !== 'undefined' && !navigator.xr ? ABSENT : UNKNOWN,
  );
  useEffect(() => {
    const xr = typeof navigator === 'undefined' ? undefined : navigator.xr;
    if (!xr) return;
    let current = true;
    const ask = async () => {
      const [vr, ar] = await Promise.all([supported(xr, 'immersive-vr'), supported(xr, 'immersive-ar')]);
      if (current) setSupport((old) => (old.known && old.vr === vr && old.ar === ar ? old : { vr, ar, known: true }));
    };
    void ask();
    xr.addEventListener('devicechange', ask);
    return () => {
      current = false;
      xr.removeEventListener('devicechange', ask);
    };
  }, []);
  return support;
}

/** A browser that throws (a blocked feature policy, an insecure page) does not offer the mode. */
async function supported(xr: XRSystem, mode: XRSessionMode): Promise<boolean> {
  try {
    return await xr.isSessionSupported(mode);
  } catch {
    return false;
  }
}
