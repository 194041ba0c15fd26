import type { Artefact, Derivative } from '@vitrine/core';
import { describe, expect, it } from 'vitest';
import { derivativeFixture } from '../../testing/derivative-fixture.js';
import type { ArCapabilities } from './ar-capabilities.js';
import { arLinkFor, chooseArFallback, quickLookHref, sceneViewerHref, type ArFallbackInput } from './ar-fallback.js';

const derivative = derivativeFixture;
const artefact = (derivatives: Derivative[], title: Artefact['title'] = { en: 'Amphora' }) =>
  ({ id: 'amphora', title, derivatives }) as Artefact;
const FULL = artefact([derivative('thumb'), derivative('mobile'), derivative('desktop'), derivative('ar', 'usdz')]);

const IPHONE: ArCapabilities = { quickLook: true, android: false };
const ANDROID: ArCapabilities = { quickLook: false, android: true };
const DESKTOP: ArCapabilities = { quickLook: false, android: false };

const PAGE = 'https://museum.example/gallery/amphora?lang=fr#annotation=handle';
const input = (capabilities: ArCapabilities, overrides: Partial<ArFallbackInput> = {}): ArFallbackInput => ({
  capabilities,
  webXrAr: false,
  artefact: FULL,
  // Relative, as the app passes it: resolved against the page, not left for the app to guess.
  manifestUrl: '../collection/amphora/artefact.json',
  baseUrl: PAGE,
  pageUrl: PAGE,
  arLink: arLinkFor(PAGE),
  languages: ['en'],
  ...overrides,
});

describe('chooseArFallback', () => {
  it('offers none where WebXR AR works: the viewer has its own AR there', () => {
    for (const capabilities of [IPHONE, ANDROID, DESKTOP]) {
      expect(chooseArFallback(input(capabilities, { webXrAr: true }))).toBeUndefined();
    }
  });

  it('opens the USDZ in Quick Look on iOS, resolved to an absolute URL, at true size', () => {
    expect(chooseArFallback(input(IPHONE))).toEqual({
      kind: 'quick-look',
      href: 'https://museum.example/collection/amphora/ar.usdz#allowsContentScaling=0',
    });
  });

  it('prefers Quick Look when a device seems to offer both', () => {
    expect(chooseArFallback(input({ quickLook: true, android: true }))?.kind).toBe('quick-look');
  });

  it('offers nothing on iOS when there is no USDZ (no QR code to send a phone to itself)', () => {
    const noUsdz = artefact([derivative('mobile'), derivative('desktop')]);
    expect(chooseArFallback(input(IPHONE, { artefact: noUsdz }))).toBeUndefined();
  });

  it('takes the ar profile when there is more than one USDZ', () => {
    const two = artefact([derivative('mobile'), derivative('preview', 'usdz'), derivative('ar', 'usdz')]);
    expect(chooseArFallback(input(IPHONE, { artefact: two }))).toMatchObject({
      href: expect.stringContaining('/ar.usdz#'),
    });
  });

  it('opens the Scene Viewer GLB (Draco, JPEG) on Android when the artefact has one', () => {
    const withAndroid = artefact([derivative('mobile'), derivative('android-ar'), derivative('ar', 'usdz')]);
    const fallback = chooseArFallback(input(ANDROID, { artefact: withAndroid }));
    expect(fallback?.kind === 'scene-viewer' && fallback.href).toContain(
      '?file=https%3A%2F%2Fmuseum.example%2Fcollection%2Famphora%2Fandroid-ar.glb&',
    );
  });

  it('opens the mobile GLB in Scene Viewer on Android when there is no Scene Viewer GLB', () => {
    expect(chooseArFallback(input(ANDROID))).toEqual({
      kind: 'scene-viewer',
      href:
        'intent://arvr.google.com/scene-viewer/1.0' +
        '?file=https%3A%2F%2Fmuseum.example%2Fcollection%2Famphora%2Fmobile.glb' +
        '&mode=ar_preferred&resizable=false&title=Amphora' +
        '#Intent;scheme=https;package=com.google.ar.core;action=android.intent.action.VIEW;' +
        'S.browser_fallback_url=https%3A%2F%2Fmuseum.example%2Fgallery%2Famphora%3Flang%3Dfr%23annotation%3Dhandle;end;',
    });
  });

  it('titles Scene Viewer in the visitor’s language', () => {
    const bilingual = artefact([derivative('mobile')], { en: 'Amphora', fr: 'Amphore à figures noires' });
    const fallback = chooseArFallback(input(ANDROID, { artefact: bilingual, languages: ['fr-CA', 'en'] }));
    expect(fallback?.kind === 'scene-viewer' && fallback.href).toContain('&title=Amphore%20%C3%A0%20figures%20noires#');
  });

  it('offers nothing on Android without a mobile GLB', () => {
    const noMobile = artefact([derivative('desktop'), derivative('ar', 'usdz')]);
    expect(chooseArFallback(input(ANDROID, { artefact: noMobile }))).toBeUndefined();
  });

  it('shows the QR code of the page’s AR link on a device with no AR path', () => {
    expect(chooseArFallback(input(DESKTOP))).toEqual({
      kind: 'qr',
      url: 'https://museum.example/gallery/amphora?lang=fr&ar=1#annotation=handle',
    });
    expect(chooseArFallback(input(DESKTOP, { arLink: 'https://museum.example/a/1' }))).toEqual({
      kind: 'qr',
      url: 'https://museum.example/a/1',
    });
  });

  it('resolves an absolute manifest URL on another path as it is', () => {
    const fallback = chooseArFallback(
      input(IPHONE, { manifestUrl: 'https://cdn.museum.example/c/amphora/artefact.json' }),
    );
    expect(fallback).toEqual({
      kind: 'quick-look',
      href: 'https://cdn.museum.example/c/amphora/ar.usdz#allowsContentScaling=0',
    });
  });
});

describe('quickLookHref', () => {
  it('replaces any fragment with the true-size one', () => {
    expect(quickLookHref('https://m.example/a/ar.usdz#old')).toBe('https://m.example/a/ar.usdz#allowsContentScaling=0');
  });
});

describe('sceneViewerHref', () => {
  const params = (href: string) => new URLSearchParams(href.slice(href.indexOf('?') + 1, href.indexOf('#Intent;')));
  const fallbackUrl = (href: string) =>
    decodeURIComponent(/;S\.browser_fallback_url=([^;]*);end;$/.exec(href)?.[1] ?? 'missing');

  it('encodes titles with spaces, accents, ampersands, hashes and semicolons so they stay one value', () => {
    const href = sceneViewerHref(
      'https://m.example/a b/mobile.glb',
      'Vase & bol; n°3 #1 «Żółć»',
      'https://m.example/p',
    );
    expect(href).toContain(
      '&title=Vase%20%26%20bol%3B%20n%C2%B03%20%231%20%C2%AB%C5%BB%C3%B3%C5%82%C4%87%C2%BB#Intent;',
    );
    expect(params(href).get('title')).toBe('Vase & bol; n°3 #1 «Żółć»');
    expect(params(href).get('file')).toBe('https://m.example/a b/mobile.glb');
    expect(params(href).get('resizable')).toBe('false');
    expect(params(href).get('mode')).toBe('ar_preferred');
  });

  it('leaves the title out when there is none', () => {
    expect(sceneViewerHref('https://m.example/m.glb', '', 'https://m.example/p')).not.toContain('title=');
  });

  it('falls back to the page, without asking for AR again', () => {
    const href = sceneViewerHref('https://m.example/m.glb', 'A', 'https://m.example/p?ar=1&lang=it#x');
    expect(fallbackUrl(href)).toBe('https://m.example/p?lang=it#x');
    expect(fallbackUrl(sceneViewerHref('https://m.example/m.glb', 'A', 'https://m.example/p'))).toBe(
      'https://m.example/p',
    );
  });
});

describe('arLinkFor', () => {
  it('adds ar=1 to the query and keeps the hash', () => {
    expect(arLinkFor('https://m.example/a#annotation=rim')).toBe('https://m.example/a?ar=1#annotation=rim');
    expect(arLinkFor('https://m.example/a?lang=pl')).toBe('https://m.example/a?lang=pl&ar=1');
    expect(arLinkFor('https://m.example/a?ar=0')).toBe('https://m.example/a?ar=1');
  });
});
