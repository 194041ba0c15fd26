import { describe, expect, it } from 'vitest';
import { kioskSettings } from './kiosk-settings.js';

describe('kioskSettings', () => {
  it('is off without ?kiosk or the collection asking', () => {
    expect(kioskSettings('?artefact=amphora', undefined)).toBeUndefined();
    expect(kioskSettings('', { always: false, idleSeconds: 60, attract: 'turn', attractSeconds: 30 })).toBeUndefined();
  });
  it('is on with ?kiosk, with the default timings', () => {
    expect(kioskSettings('?kiosk', undefined)).toEqual({ idleMs: 120_000, attract: 'turn', attractMs: 40_000 });
  });
  it('is on when the collection says always, with its timings', () => {
    expect(kioskSettings('', { always: true, idleSeconds: 60, attract: 'tour', attractSeconds: 30 })).toEqual({
      idleMs: 60_000,
      attract: 'tour',
      attractMs: 30_000,
    });
  });
  it('takes timings from the address, ignoring ones that make no sense', () => {
    expect(kioskSettings('?kiosk=5&attract=tour&attract-seconds=2', undefined)).toEqual({
      idleMs: 5_000,
      attract: 'tour',
      attractMs: 2_000,
    });
    expect(kioskSettings('?kiosk=0.5&attract=spin&attract-seconds=x', undefined)).toEqual({
      idleMs: 120_000,
      attract: 'turn',
      attractMs: 40_000,
    });
  });
});
