import { describe, expect, it } from 'vitest';
import { DEFAULT_PROFILES, resolveProfiles } from './profiles.js';

describe('resolveProfiles', () => {
  it('gives the defaults in order without overrides', () => {
    expect(resolveProfiles().map((profile) => profile.name)).toEqual([
      'thumb',
      'mobile',
      'desktop',
      'vr',
      'ar',
      'android-ar',
    ]);
    expect(resolveProfiles()[1]).toEqual(DEFAULT_PROFILES.mobile);
  });

  it('changes one figure of a profile and keeps the rest', () => {
    const mobile = resolveProfiles({ mobile: { maxBytes: 2_000_000 } }).find((profile) => profile.name === 'mobile')!;
    expect(mobile).toEqual({ ...DEFAULT_PROFILES.mobile, maxBytes: 2_000_000 });
  });

  it('adds a museum’s own profile when every figure is given, and refuses a partial one', () => {
    const kiosk = { maxTriangles: 1_000_000, maxTextureSize: 8192, textureFormat: 'webp' as const };
    expect(resolveProfiles({ kiosk }).at(-1)).toEqual({ ...kiosk, name: 'kiosk', container: 'glb' });
    expect(() => resolveProfiles({ kiosk: { maxTriangles: 5 } })).toThrow();
  });
});
