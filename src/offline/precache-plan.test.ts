/// <reference types="vite/client" />
// precache-plan.ts uses the viewer, whose modules import assets the Vite way (`?url`).
import type { AnnotationsDocument, Artefact, Collection } from '@vitrine/core';
import type { DeviceSignals } from '@vitrine/viewer';
import { describe, expect, it } from 'vitest';
import { collectionPrecacheList, profilesToPrecache } from './precache-plan.js';

const INDEX = 'https://museum.example/kiosk/collection/index.json';

const derivative = (profile: string, container: 'glb' | 'usdz' = 'glb') =>
  ({ profile, container, url: `${profile}.${container}` }) as Artefact['derivatives'][number];

const artefact = (id: string, extra: Partial<Artefact> = {}) =>
  ({
    id,
    derivatives: ['thumb', 'mobile', 'desktop', 'vr', 'android-ar'].map((profile) => derivative(profile)),
    poster: 'poster.webp',
    ...extra,
  }) as Artefact;

const collection = (...ids: string[]) =>
  ({
    schemaVersion: 1,
    artefacts: ids.map((id) => ({ id, manifest: `${id}/artefact.json`, poster: `${id}/poster.webp` })),
  }) as Collection;

const annotations = {
  schemaVersion: 1,
  layers: [],
  annotations: [
    { body: { image: { url: 'media/profile.svg' } } },
    { body: { audio: { url: 'media/tap.wav', captions: 'media/tap.vtt' } } },
    { body: { image: { url: 'media/profile.svg' } } },
  ],
} as unknown as AnnotationsDocument;

const device = (overrides: Partial<DeviceSignals> = {}): DeviceSignals => ({
  screenWidth: 1000,
  screenHeight: 800,
  devicePixelRatio: 1,
  deviceMemory: 8,
  saveData: false,
  ...overrides,
});

describe('profilesToPrecache', () => {
  it('keeps the thumb and mobile on an ordinary screen', () => {
    expect(profilesToPrecache(device())).toEqual(['thumb', 'mobile']);
  });

  it('adds desktop where the device rule can pick it, and keeps mobile for a slow connection', () => {
    const monitor = device({ screenWidth: 1920, screenHeight: 1080 });
    expect(profilesToPrecache(monitor)).toEqual(['thumb', 'mobile', 'desktop']);
    expect(profilesToPrecache({ ...monitor, effectiveType: '2g' })).toEqual(['thumb', 'mobile', 'desktop']);
  });

  it('does not keep desktop where the browser reports too little memory, or none', () => {
    expect(profilesToPrecache(device({ screenWidth: 1920, screenHeight: 1080, deviceMemory: 4 }))).toEqual([
      'thumb',
      'mobile',
    ]);
    expect(profilesToPrecache(device({ screenWidth: 2560, screenHeight: 1440, deviceMemory: undefined }))).toEqual([
      'thumb',
      'mobile',
    ]);
  });

  it('still keeps mobile with Save-Data on: the kiosk may be switched back', () => {
    expect(profilesToPrecache(device({ saveData: true }))).toEqual(['thumb', 'mobile']);
  });
});

describe('collectionPrecacheList', () => {
  it('lists the index, each manifest, poster and the wanted derivatives, as absolute URLs', () => {
    const list = collectionPrecacheList(
      INDEX,
      collection('amphora'),
      [{ manifestUrl: 'https://museum.example/kiosk/collection/amphora/artefact.json', artefact: artefact('amphora') }],
      ['thumb', 'mobile'],
    );
    expect(list).toEqual([
      INDEX,
      'https://museum.example/kiosk/collection/amphora/artefact.json',
      'https://museum.example/kiosk/collection/amphora/poster.webp',
      'https://museum.example/kiosk/collection/amphora/thumb.glb',
      'https://museum.example/kiosk/collection/amphora/mobile.glb',
    ]);
  });

  it('never lists VR, AR or USDZ files', () => {
    const list = collectionPrecacheList(
      INDEX,
      collection('bust'),
      [
        {
          manifestUrl: 'https://museum.example/kiosk/collection/bust/artefact.json',
          artefact: artefact('bust', { derivatives: [...artefact('bust').derivatives, derivative('ar', 'usdz')] }),
        },
      ],
      ['thumb', 'mobile', 'desktop'],
    );
    expect(list.filter((url) => /vr|ar\.|usdz/.test(url))).toEqual([]);
    expect(list).toContain('https://museum.example/kiosk/collection/bust/desktop.glb');
  });

  it('takes the derivative the viewer would show when a profile is missing', () => {
    const onlyMobile = artefact('tablet', { derivatives: [derivative('mobile')], poster: undefined });
    const list = collectionPrecacheList(
      INDEX,
      collection('tablet'),
      [{ manifestUrl: 'https://museum.example/kiosk/collection/tablet/artefact.json', artefact: onlyMobile }],
      ['thumb', 'mobile'],
    );
    expect(list.filter((url) => url.endsWith('.glb'))).toEqual([
      'https://museum.example/kiosk/collection/tablet/mobile.glb',
    ]);
  });

  it('adds annotations.json and each medium it names once, relative to the manifest', () => {
    const list = collectionPrecacheList(
      INDEX,
      collection('amphora'),
      [
        {
          manifestUrl: 'https://museum.example/kiosk/collection/amphora/artefact.json',
          artefact: artefact('amphora', { annotations: 'annotations.json' }),
          annotations,
        },
      ],
      ['thumb'],
    );
    const folder = 'https://museum.example/kiosk/collection/amphora/';
    expect(list.slice(-4)).toEqual([
      `${folder}annotations.json`,
      `${folder}media/profile.svg`,
      `${folder}media/tap.wav`,
      `${folder}media/tap.vtt`,
    ]);
    expect(new Set(list).size).toBe(list.length);
  });

  it('still lists the index entries of an artefact whose manifest could not be read', () => {
    const list = collectionPrecacheList(INDEX, collection('amphora', 'lost'), [], ['thumb']);
    expect(list).toContain('https://museum.example/kiosk/collection/lost/artefact.json');
    expect(list).toContain('https://museum.example/kiosk/collection/lost/poster.webp');
  });
});
