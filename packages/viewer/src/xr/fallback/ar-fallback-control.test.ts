import type { Artefact } from '@vitrine/core';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { VIEWER_MESSAGES, type ViewerMessages } from '../../i18n/messages.js';
import { derivativeFixture } from '../../testing/derivative-fixture.js';
import type { ArCapabilities } from './ar-capabilities.js';
import { ArFallbackControl, type ArFallbackControlProps } from './ArFallbackControl.js';

const derivative = derivativeFixture;
const ARTEFACT: Artefact = {
  schemaVersion: 1,
  id: 'amphora',
  // Untrusted text from the collection: it must reach the page as text, never as markup.
  title: { en: 'Amphora <b>& co</b>' },
  dimensions: { width: 0.3, height: 0.5, depth: 0.3 },
  scale: { factor: 1, basis: 'units' },
  source: {
    file: 'amphora.glb',
    format: 'glb',
    bytes: 1,
    sha256: '0'.repeat(64),
    triangles: 1,
    vertices: 3,
    materials: 1,
    textures: [],
  },
  warnings: [],
  derivatives: [derivative('mobile'), derivative('ar', 'usdz')],
  poster: 'poster.webp',
  ingestKey: '0'.repeat(64),
  created: '2025-01-01T00:00:00Z',
  generator: 'test',
};
const en = VIEWER_MESSAGES.en as ViewerMessages;

const render = (capabilities: ArCapabilities, overrides: Partial<ArFallbackControlProps> = {}) =>
  renderToStaticMarkup(
    createElement(ArFallbackControl, {
      artefact: ARTEFACT,
      manifestUrl: 'collection/amphora/artefact.json',
      messages: en,
      languages: ['en'],
      webXrAr: false,
      capabilities,
      ...overrides,
    }),
  );

beforeEach(() => {
  vi.stubGlobal('location', { href: 'https://museum.example/gallery/amphora?lang=en#annotation=rim' });
  vi.stubGlobal('document', { baseURI: 'https://museum.example/gallery/' });
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('ArFallbackControl', () => {
  it('renders a Quick Look link whose first child is the poster image, named by its visible label', () => {
    const html = render({ quickLook: true, android: false });
    expect(html).toMatch(
      /<a rel="ar" href="https:\/\/museum\.example\/gallery\/collection\/amphora\/ar\.usdz#allowsContentScaling=0"[^>]*><img [^>]*src="https:\/\/museum\.example\/gallery\/collection\/amphora\/poster\.webp"[^>]*alt=""/,
    );
    expect(html).toContain(`<span class="vitrine-tool-name">${en.viewInAr}</span></a>`);
    expect(html).toMatch(new RegExp(`aria-describedby="([^"]+)".*<span id="\\1" hidden="">${en.viewInArHint}</span>`));
  });

  it('uses an inline icon as the Quick Look image when there is no poster, fetching nothing', () => {
    const { poster: _poster, ...noPoster } = ARTEFACT;
    const html = render({ quickLook: true, android: false }, { artefact: noPoster });
    expect(html).toMatch(/<a rel="ar"[^>]*><img [^>]*src="data:image\/svg\+xml,/);
  });

  it('renders a Scene Viewer link on Android, with the title encoded, never as markup', () => {
    const html = render({ quickLook: false, android: true });
    expect(html).toContain(
      'href="intent://arvr.google.com/scene-viewer/1.0?file=https%3A%2F%2Fmuseum.example%2Fgallery',
    );
    expect(html).toContain('&amp;title=Amphora%20%3Cb%3E%26%20co%3C%2Fb%3E#Intent;');
    expect(html).not.toContain('<b>');
    expect(html).toContain(`<span class="vitrine-tool-name">${en.viewInAr}</span>`);
  });

  it('renders the "View on your phone" button on a desktop, without loading the QR code yet', () => {
    const html = render({ quickLook: false, android: false });
    expect(html).toMatch(/<button type="button" class="vitrine-tool" data-icon="" aria-haspopup="dialog">/);
    expect(html).toContain(`<span class="vitrine-tool-name">${en.viewOnPhone}</span></button>`);
    expect(html).not.toContain('<dialog');
    expect(html).not.toContain('<svg class="vitrine-qr-code"');
  });

  it('renders nothing where WebXR AR works, or while that is not known yet', () => {
    expect(render({ quickLook: true, android: false }, { webXrAr: true })).toBe('');
    expect(render({ quickLook: false, android: false }, { webXrAr: undefined })).toBe('');
  });

  it('renders nothing when the device has AR but the artefact lacks its file', () => {
    const glbOnly = { ...ARTEFACT, derivatives: [derivative('mobile')] } as Artefact;
    expect(render({ quickLook: true, android: false }, { artefact: glbOnly })).toBe('');
  });
});
