/**
 * The AR paths a device offers besides WebXR. Whether WebXR `immersive-ar` works is not
 * here: it takes an asynchronous session check that the viewer's XR feature already makes,
 * and when it works no fallback is shown at all.
 */
export interface ArCapabilities {
  /** Safari's AR Quick Look: an `<a rel="ar">` link opens a USDZ in the room (iOS, iPadOS, visionOS). */
  quickLook: boolean;
  /** An Android device, where the Google app's Scene Viewer can take an `intent://` link. */
  android: boolean;
}

/** The few browser objects the detection reads, so tests can hand it stand-ins. */
export interface ArProbeEnvironment {
  document?: { createElement(tagName: 'a'): { relList?: { supports?(token: string): boolean } } };
  navigator?: {
    userAgent: string;
    /** User-Agent Client Hints: Chromium only, and absent from TypeScript's DOM types. */
    userAgentData?: { platform: string };
  };
}

/** Reads what this browser offers; with no browser around (a server, a test), it offers nothing. */
export function detectArCapabilities(environment: ArProbeEnvironment = globalThis): ArCapabilities {
  return {
    quickLook: supportsQuickLook(environment.document),
    android: isAndroid(environment.navigator),
  };
}

/** Apple's documented feature test: only browsers that hand `rel="ar"` links to Quick Look support the token. */
function supportsQuickLook(document: ArProbeEnvironment['document']): boolean {
  if (!document) return false;
  try {
    return document.createElement('a').relList?.supports?.('ar') ?? false;
  } catch {
    // Old engines throw from supports() on a list without defined tokens: no Quick Look there.
    return false;
  }
}

/**
 * Scene Viewer has no feature test: an `intent://` link either opens the Google app or
 * falls back to a URL, and the page cannot ask beforehand. The platform is the only
 * signal. Client Hints say it as a field rather than a string to parse, and Chromium
 * keeps reporting it after freezing the rest of the user-agent string; only browsers
 * without Client Hints (Firefox, older Samsung Internet) are asked through the
 * user-agent string, which still names Android there.
 */
function isAndroid(navigator: ArProbeEnvironment['navigator']): boolean {
  if (!navigator) return false;
  const platform = navigator.userAgentData?.platform;
  if (platform !== undefined) return platform === 'Android';
  return /Android/i.test(navigator.userAgent);
}
