import type { Annotation } from '@vitrine/core';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { VIEWER_MESSAGES } from '../i18n/messages.js';
import { resolveInsideManifestOrSkip } from '../load/resolve-inside-manifest.js';
import { AnnotationPanel } from './AnnotationPanel.js';

const MANIFEST = 'https://museum.example/collection/amphora/artefact.json';

/** The panel as the viewer draws it, with files resolved by the viewer's own rule. */
function panel(media: { image: string; audio: string; captions: string }): string {
  const annotation = {
    id: 'handle',
    layer: 'decoration',
    order: 0,
    target: { position: [0, 0, 0], normal: [0, 1, 0] },
    body: {
      title: { en: 'The handle' },
      text: { en: 'Made separately.' },
      image: { url: media.image, alt: { en: 'The handle from above' } },
      audio: { url: media.audio, captions: media.captions, language: 'en' },
    },
  } as Annotation;
  return renderToStaticMarkup(
    createElement(AnnotationPanel, {
      annotation,
      number: 1,
      colour: '#7a3b1d',
      languages: ['en'],
      messages: VIEWER_MESSAGES.en!,
      takeFocus: false,
      fileUrl: (file) => resolveInsideManifestOrSkip(MANIFEST, file, MANIFEST),
      onClose: () => {},
    }),
  );
}

const PLAIN = { image: 'images/handle.webp', audio: 'audio/handle.mp3', captions: 'audio/handle.en.vtt' };

describe('annotation media outside the artefact folder', () => {
  it('shows media inside the folder', () => {
    const html = panel(PLAIN);
    expect(html).toContain('src="https://museum.example/collection/amphora/images/handle.webp"');
    expect(html).toContain('src="https://museum.example/collection/amphora/audio/handle.mp3"');
    expect(html).toContain('src="https://museum.example/collection/amphora/audio/handle.en.vtt"');
  });

  it('leaves out an image that lies elsewhere, and keeps the rest of the panel', () => {
    const html = panel({ ...PLAIN, image: '\n/\n/evil.example/track.gif' });
    expect(html).not.toContain('<img');
    expect(html).not.toContain('evil.example');
    expect(html).toContain('The handle');
    expect(html).toContain('<audio');
  });

  it('leaves out a recording whose file or captions lie elsewhere', () => {
    for (const hostile of [{ audio: 'https://evil.example/a.mp3' }, { captions: '%2e%2e/%2e%2e/c.vtt' }]) {
      const html = panel({ ...PLAIN, ...hostile });
      expect(html).not.toContain('<audio');
      expect(html).not.toContain('evil.example');
      expect(html).toContain('<img');
    }
  });
});
