/** What the browser tells us about the device, read once when a viewer mounts. */
export interface DeviceSignals {
  /** The screen's size in CSS pixels (`screen.width`, `screen.height`), in either orientation. */
  screenWidth: number;
  screenHeight: number;
  /** Device pixels per CSS pixel. */
  devicePixelRatio: number;
  /**
   * `navigator.deviceMemory` in GiB: Chromium only, rounded down to a power of two and
   * capped at 8. Undefined where the browser does not say (Firefox, Safari).
   */
  deviceMemory?: number;
  /** The visitor asked for less data: `navigator.connection.saveData` (the Save-Data header's source). */
  saveData: boolean;
  /** `navigator.connection.effectiveType`: 'slow-2g', '2g', '3g' or '4g', where known. */
  effectiveType?: string;
}

/** The profiles the device rule chooses between; `vr` is for headsets and `ar` for Quick Look. */
export type WebProfile = 'thumb' | 'mobile' | 'desktop';

/**
 * A screen worth a 4096² texture: as many device pixels as a 1080p monitor (1920 × 1080 ≈
 * 2.07 M, with a little slack for browser chrome), on a screen at least this many CSS
 * pixels on its shorter side. The second test keeps phones out: their dense screens have
 * the pixels (390 × 844 at 3× is 2.96 M) but not the size to show the detail.
 */
export const LARGE_SCREEN_DEVICE_PIXELS = 1_900_000;
export const LARGE_SCREEN_SHORT_SIDE = 600;
/** The desktop derivative (up to 500k triangles, 4096² textures) wants this much memory. */
export const DESKTOP_MEMORY_GIB = 8;

/**
 * The device rule, in order:
 *
 * 1. Save-Data on: `thumb` only. The visitor pays for bytes; the thumb is under 200 kB.
 * 2. `desktop` when all three hold: a large screen (see LARGE_SCREEN_*), a browser that
 *    reports at least 8 GiB of memory, and a connection not reported as 2G. Browsers that
 *    do not report memory get `mobile`: we upgrade only on evidence, and `mobile` is the
 *    Khronos web budget, sharp on any screen.
 * 3. `mobile` otherwise.
 *
 * For example a 1000 × 800 window at 1× (0.8 M device pixels) gets `mobile` whatever its
 * memory; a 1920 × 1080 monitor with 8 GiB gets `desktop`; a phone gets `mobile`.
 */
export function chooseProfile(device: DeviceSignals): WebProfile {
  if (device.saveData) return 'thumb';
  const shortSide = Math.min(device.screenWidth, device.screenHeight);
  const devicePixels = device.screenWidth * device.screenHeight * device.devicePixelRatio ** 2;
  const largeScreen = devicePixels >= LARGE_SCREEN_DEVICE_PIXELS && shortSide >= LARGE_SCREEN_SHORT_SIDE;
  const enoughMemory = (device.deviceMemory ?? 0) >= DESKTOP_MEMORY_GIB;
  const slowConnection = device.effectiveType === 'slow-2g' || device.effectiveType === '2g';
  return largeScreen && enoughMemory && !slowConnection ? 'desktop' : 'mobile';
}

/** The Network Information API, which only Chromium has; absent from TypeScript's DOM types. */
interface NetworkInformationLike {
  saveData?: boolean;
  effectiveType?: string;
}

/** Reads the device signals from the browser; neutral values outside one (SSR, tests in Node). */
export function readDeviceSignals(): DeviceSignals {
  if (typeof window === 'undefined' || typeof navigator === 'undefined') {
    return { screenWidth: 0, screenHeight: 0, devicePixelRatio: 1, saveData: false };
  }
  const extended = navigator as Navigator & { deviceMemory?: number; connection?: NetworkInformationLike };
  return {
    screenWidth: window.screen?.width ?? window.innerWidth,
    screenHeight: window.screen?.height ?? window.innerHeight,
    devicePixelRatio: window.devicePixelRatio || 1,
    deviceMemory: typeof extended.deviceMemory === 'number' ? extended.deviceMemory : undefined,
    saveData: extended.connection?.saveData === true,
    effectiveType: extended.connection?.effectiveType,
  };
}
