import { afterEach, describe, expect, it, vi } from 'vitest';
import { detectArCapabilities, type ArProbeEnvironment } from './ar-capabilities.js';

const IPHONE_UA =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1';
const FIREFOX_ANDROID_UA = 'Mozilla/5.0 (Android 14; Mobile; rv:125.0) Gecko/125.0 Firefox/125.0';
const CHROME_ANDROID_UA =
  'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36';
const CHROME_DESKTOP_UA =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36';

/** A document whose anchors support the given `rel` tokens, as Safari's support "ar". */
const documentSupporting = (...tokens: string[]): ArProbeEnvironment['document'] => ({
  createElement: () => ({ relList: { supports: (token: string) => tokens.includes(token) } }),
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('detectArCapabilities', () => {
  it('finds Quick Look where anchors support rel="ar" (Safari on iOS)', () => {
    const found = detectArCapabilities({
      document: documentSupporting('ar', 'noopener'),
      navigator: { userAgent: IPHONE_UA },
    });
    expect(found).toEqual({ quickLook: true, android: false });
  });

  it('finds no Quick Look where the token is unknown, missing, or the test throws', () => {
    const navigator = { userAgent: CHROME_DESKTOP_UA };
    expect(detectArCapabilities({ document: documentSupporting('noopener'), navigator }).quickLook).toBe(false);
    expect(detectArCapabilities({ document: { createElement: () => ({}) }, navigator }).quickLook).toBe(false);
    const throwing: ArProbeEnvironment['document'] = {
      createElement: () => ({
        relList: {
          supports: () => {
            throw new TypeError('no supported tokens');
          },
        },
      }),
    };
    expect(detectArCapabilities({ document: throwing, navigator }).quickLook).toBe(false);
  });

  it('trusts Client Hints about the platform over the user-agent string', () => {
    const document = documentSupporting();
    expect(
      detectArCapabilities({
        document,
        navigator: { userAgent: CHROME_ANDROID_UA, userAgentData: { platform: 'Android' } },
      }).android,
    ).toBe(true);
    // Chrome's "desktop site" on a phone, or a desktop whose string says Android: the hint wins.
    expect(
      detectArCapabilities({
        document,
        navigator: { userAgent: CHROME_ANDROID_UA, userAgentData: { platform: 'Linux' } },
      }).android,
    ).toBe(false);
    expect(
      detectArCapabilities({
        document,
        navigator: { userAgent: CHROME_DESKTOP_UA, userAgentData: { platform: 'Windows' } },
      }).android,
    ).toBe(false);
  });

  it('reads the user-agent string only where Client Hints are missing (Firefox)', () => {
    const document = documentSupporting();
    expect(detectArCapabilities({ document, navigator: { userAgent: FIREFOX_ANDROID_UA } }).android).toBe(true);
    expect(detectArCapabilities({ document, navigator: { userAgent: IPHONE_UA } }).android).toBe(false);
  });

  it('offers nothing without a browser', () => {
    expect(detectArCapabilities({})).toEqual({ quickLook: false, android: false });
  });

  it('reads the real globals by default', () => {
    vi.stubGlobal('document', documentSupporting('ar'));
    vi.stubGlobal('navigator', { userAgent: IPHONE_UA });
    expect(detectArCapabilities()).toEqual({ quickLook: true, android: false });
    vi.stubGlobal('document', documentSupporting());
    vi.stubGlobal('navigator', { userAgent: CHROME_ANDROID_UA, userAgentData: { platform: 'Android' } });
    expect(detectArCapabilities()).toEqual({ quickLook: false, android: true });
  });
});
