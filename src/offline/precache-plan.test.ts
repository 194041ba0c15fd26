/// <reference types="vite/client" />
// precache-plan.ts uses the viewer, whose modules import assets the Vite way (`?url`).
import type { AnnotationsDocument, Artefact, Collection } from '@vitrine/core';
import type { DeviceSignals } from '@vitrine/viewer';
import { describe, expect, it } from 'vitest';
import { collectionPrecachePlan, profilesToPrecache } from './precache-plan.js';

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

const FOLDER = 'https://museum.example/kiosk/collection/';
const documents = (id: string, extra: Partial<Artefact> = {}, withAnnotations?: AnnotationsDocument) => ({
  manifestUrl: `${FOLDER}${id}/artefact.json`,
  artefact: artefact(id, extra),
  ...(withAnnotations ? { annotations: withAnnotations } : {}),
});

describe('collectionPrecachePlan', () => {
  it('lists each poster and the wanted derivatives as files, and the index and manifests as documents', () => {
    const plan = collectionPrecachePlan(INDEX, collection('amphora'), [documents('amphora')], ['thumb', 'mobile']);
    expect(plan.files).toEqual([
      `${FOLDER}amphora/poster.webp`,
      `${FOLDER}amphora/thumb.glb`,
      `${FOLDER}amphora/mobile.glb`,
    ]);
    expect(plan.documents).toEqual([
      { url: `${FOLDER}amphora/artefact.json`, names: plan.files },
      { url: INDEX, names: [`${FOLDER}amphora/artefact.json`, `${FOLDER}amphora/poster.webp`] },
    ]);
  });

  it('never lists VR, AR or USDZ files', () => {
    const bust = documents('bust', { derivatives: [...artefact('bust').derivatives, derivative('ar', 'usdz')] });
    const plan = collectionPrecachePlan(INDEX, collection('bust'), [bust], ['thumb', 'mobile', 'desktop']);
    expect(plan.files.filter((url) => /vr|ar\.|usdz/.test(url))).toEqual([]);
    expect(plan.files).toContain(`${FOLDER}bust/desktop.glb`);
  });

  it('takes the derivative the viewer would show when a profile is missing', () => {
    const onlyMobile = documents('tablet', { derivatives: [derivative('mobile')], poster: undefined });
    const plan = collectionPrecachePlan(INDEX, collection('tablet'), [onlyMobile], ['thumb', 'mobile']);
    expect(plan.files.filter((url) => url.endsWith('.glb'))).toEqual([`${FOLDER}tablet/mobile.glb`]);
  });

  it('caches annotations.json before the manifest that names it, and each medium once, relative to the manifest', () => {
    const plan = collectionPrecachePlan(
      INDEX,
      collection('amphora', 'bust'),
      [documents('amphora', { annotations: 'annotations.json' }, annotations), documents('bust')],
      ['thumb'],
    );
    const folder = `${FOLDER}amphora/`;
    const media = [`${folder}media/profile.svg`, `${folder}media/tap.wav`, `${folder}media/tap.vtt`];
    expect(plan.files).toEqual(expect.arrayContaining(media));
    expect(new Set(plan.files).size).toBe(plan.files.length);
    expect(plan.files).not.toContain(`${folder}annotations.json`);
    expect(plan.documents.map((document) => document.url)).toEqual([
      `${folder}annotations.json`,
      `${folder}artefact.json`,
      `${FOLDER}bust/artefact.json`,
      INDEX,
    ]);
    expect(plan.documents[0]!.names).toEqual(media);
    expect(plan.documents[1]!.names).toContain(`${folder}annotations.json`);
  });

  it('does not cache an annotations.json it could not read, nor fetch it as a file', () => {
    const plan = collectionPrecachePlan(
      INDEX,
      collection('amphora'),
      [documents('amphora', { annotations: 'annotations.json' })],
      ['thumb'],
    );
    expect(plan.documents.map((document) => document.url)).toEqual([`${FOLDER}amphora/artefact.json`, INDEX]);
    expect(plan.files).not.toContain(`${FOLDER}amphora/annotations.json`);
  });

  it('still lists the posters of an artefact whose manifest could not be read, and no document for it', () => {
    const plan = collectionPrecachePlan(INDEX, collection('amphora', 'lost'), [], ['thumb']);
    expect(plan.files).toEqual([`${FOLDER}amphora/poster.webp`, `${FOLDER}lost/poster.webp`]);
    expect(plan.documents).toEqual([
      {
        url: INDEX,
        names: [
          `${FOLDER}amphora/artefact.json`,
          `${FOLDER}amphora/poster.webp`,
          `${FOLDER}lost/artefact.json`,
          `${FOLDER}lost/poster.webp`,
        ],
      },
    ]);
  });

  it('caches nothing a collection document names outside its own folder, as the viewer loads nothing there', () => {
    const hostile = {
      schemaVersion: 1,
      artefacts: [
        { id: 'amphora', manifest: 'amphora/artefact.json', poster: '//evil.example/x.webp' },
        { id: 'away', manifest: '\n/\n/evil.example/artefact.json' },
      ],
    } as Collection;
    const withMedia = {
      ...annotations,
      annotations: [{ body: { image: { url: '%2e%2e/%2e%2e/secret.svg' } } }],
    } as unknown as AnnotationsDocument;
    const plan = collectionPrecachePlan(
      INDEX,
      hostile,
      [documents('amphora', { poster: '../elsewhere/poster.webp', annotations: 'annotations.json' }, withMedia)],
      ['thumb'],
    );
    const everything = [...plan.files, ...plan.documents.flatMap((document) => [document.url, ...document.names])];
    expect(everything.every((url) => url.startsWith(FOLDER))).toBe(true);
    expect(plan.files).toEqual([`${FOLDER}amphora/thumb.glb`]);
  });
});
