import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { VIEWER_MESSAGES } from '../i18n/messages.js';
import { LoadingIndicator, type LoadingIndicatorProps } from './LoadingIndicator.js';

const messages = VIEWER_MESSAGES.en!;
const render = (props: Omit<LoadingIndicatorProps, 'messages'>) =>
  renderToStaticMarkup(createElement(LoadingIndicator, { messages, ...props }));

describe('LoadingIndicator', () => {
  it('says only that the model loads while its size is unknown', () => {
    const html = render({ overPreview: false });
    expect(html).toContain('Loading 3D model…');
    expect(html).not.toContain('vitrine-progress');
  });

  it('gives the share downloaded, in words and as a bar', () => {
    const html = render({ overPreview: false, progress: 0.42 });
    expect(html).toContain('Loading 3D model: 42%');
    expect(html).toContain('width:42%');
  });

  it('over a preview, says that the full model is coming', () => {
    expect(render({ overPreview: true, progress: 0.5 })).toContain('Preview. Loading the full model: 50%');
  });

  it('once the model is downloaded, says it is being lit, not that 0% of it has loaded', () => {
    const html = render({ overPreview: true, lighting: true });
    expect(html).toContain('Almost ready: lighting the model…');
    expect(html).not.toContain('%');
    expect(html).not.toContain('vitrine-progress');
  });
});
