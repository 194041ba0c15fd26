import { describe, expect, it } from 'vitest';
import { chooseProfile, type DeviceSignals } from './device-profile.js';

const device = (overrides: Partial<DeviceSignals>): DeviceSignals => ({
  screenWidth: 1920,
  screenHeight: 1080,
  devicePixelRatio: 1,
  deviceMemory: 8,
  saveData: false,
  ...overrides,
});

describe('chooseProfile', () => {
  it('gives a 1080p monitor with 8 GiB the desktop derivative', () => {
    expect(chooseProfile(device({}))).toBe('desktop');
  });

  it('gives a 1000 × 800 window mobile, whatever its memory (the browser tests’ window)', () => {
    expect(chooseProfile(device({ screenWidth: 1000, screenHeight: 800 }))).toBe('mobile');
    expect(chooseProfile(device({ screenWidth: 1000, screenHeight: 800, deviceMemory: undefined }))).toBe('mobile');
  });

  it('counts device pixels: the same window at 2× is a large screen', () => {
    expect(chooseProfile(device({ screenWidth: 1000, screenHeight: 800, devicePixelRatio: 2 }))).toBe('desktop');
  });

  it('keeps phones on mobile although their dense screens have the pixels', () => {
    expect(chooseProfile(device({ screenWidth: 390, screenHeight: 844, devicePixelRatio: 3 }))).toBe('mobile');
    expect(chooseProfile(device({ screenWidth: 844, screenHeight: 390, devicePixelRatio: 3 }))).toBe('mobile');
  });

  it('upgrades only on evidence of memory', () => {
    expect(chooseProfile(device({ deviceMemory: 4 }))).toBe('mobile');
    expect(chooseProfile(device({ deviceMemory: undefined }))).toBe('mobile');
  });

  it('stays on mobile over 2G', () => {
    expect(chooseProfile(device({ effectiveType: '2g' }))).toBe('mobile');
    expect(chooseProfile(device({ effectiveType: '4g' }))).toBe('desktop');
  });

  it('shows only the thumb when the visitor asked to save data', () => {
    expect(chooseProfile(device({ saveData: true }))).toBe('thumb');
  });
});
