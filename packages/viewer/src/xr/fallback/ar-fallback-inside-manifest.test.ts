import type { Artefact } from '@vitrine/core';
import { describe, expect, it } from 'vitest';
import { derivativeFixture } from '../../testing/derivative-fixture.js';
import type { ArCapabilities } from './ar-capabilities.js';
import { arLinkFor, chooseArFallback, type ArFallbackInput } from './ar-fallback.js';

const PAGE = 'https://museum.example/gallery/amphora';
const IPHONE: ArCapabilities = { quickLook: true, android: false };
const ANDROID: ArCapabilities = { quickLook: false, android: true };

/** A manifest the schema would refuse, as if it reached the viewer anyway: its AR files lie elsewhere. */
const input = (capabilities: ArCapabilities, url: string): ArFallbackInput => ({
  capabilities,
  webXrAr: false,
  artefact: {
    id: 'amphora',
    title: { en: 'Amphora' },
    derivatives: [
      { ...derivativeFixture('android-ar'), url },
      { ...derivativeFixture('ar', 'usdz'), url },
    ],
  } as unknown as Artefact,
  manifestUrl: 'https://museum.example/collection/amphora/artefact.json',
  baseUrl: PAGE,
  pageUrl: PAGE,
  arLink: arLinkFor(PAGE),
  languages: ['en'],
});

describe('AR links keep to the manifest folder', () => {
  it.each(['https://evil.example/x', '../../x', '\n/\n/evil.example/x', '%2e%2e/x'])(
    'offers no Quick Look or Scene Viewer link to %j',
    (url) => {
      expect(chooseArFallback(input(IPHONE, url))).toBeUndefined();
      expect(chooseArFallback(input(ANDROID, url))).toBeUndefined();
    },
  );
});
