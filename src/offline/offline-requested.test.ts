import { describe, expect, it } from 'vitest';
import { offlineRequested } from './offline-requested.js';

describe('offlineRequested', () => {
  it('is asked for by ?kiosk or ?offline, with or without a value', () => {
    expect(offlineRequested('?kiosk')).toBe(true);
    expect(offlineRequested('?artefact=amphora&kiosk=1')).toBe(true);
    expect(offlineRequested('?offline')).toBe(true);
  });

  it('is not asked for otherwise', () => {
    expect(offlineRequested('')).toBe(false);
    expect(offlineRequested('?artefact=kiosk')).toBe(false);
  });
});
