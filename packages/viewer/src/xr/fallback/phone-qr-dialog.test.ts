import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { VIEWER_MESSAGES, type ViewerMessages } from '../../i18n/messages.js';
import { PhoneQrDialog } from './PhoneQrDialog.js';

const en = VIEWER_MESSAGES.en as ViewerMessages;

describe('PhoneQrDialog', () => {
  it('is a dialog labelled by its title and described by its hint, with the code, the link as text, and a close button', () => {
    const url = 'https://museum.example/a?lang=fr&ar=1#annotation=<rim>';
    const html = renderToStaticMarkup(createElement(PhoneQrDialog, { url, messages: en, onClose: () => {} }));
    const labelledBy = /<dialog [^>]*aria-labelledby="([^"]+)"/.exec(html)?.[1];
    const describedBy = /<dialog [^>]*aria-describedby="([^"]+)"/.exec(html)?.[1];
    expect(html).toContain(`<h2 id="${labelledBy}">${en.viewOnPhone}</h2>`);
    expect(html).toContain(`<p id="${describedBy}">${en.viewOnPhoneHint}</p>`);
    expect(html).toContain(`aria-label="${en.qrCodeLabel}"`);
    // The link as text, escaped, for copying.
    expect(html).toContain(
      '<p class="vitrine-qr-url" translate="no">https://museum.example/a?lang=fr&amp;ar=1#annotation=&lt;rim&gt;</p>',
    );
    expect(html).toContain(`<button type="button" class="vitrine-tool vitrine-qr-close">${en.closeDialog}</button>`);
  });

  it('speaks every language the viewer ships', () => {
    for (const messages of Object.values(VIEWER_MESSAGES)) {
      for (const text of [messages.viewInAr, messages.viewInArHint, messages.viewOnPhone, messages.viewOnPhoneHint]) {
        expect(text.trim()).not.toBe('');
      }
      expect(messages.qrCodeLabel && messages.viewOnPhoneLink && messages.closeDialog).toBeTruthy();
    }
  });
});
