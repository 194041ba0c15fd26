import { useId } from 'react';
import type { ViewerMessages } from '../../i18n/messages.js';

export interface QuickLookLinkProps {
  /** The USDZ's absolute URL with its Quick Look fragment (see quickLookHref). */
  href: string;
  /** The artefact's poster, when the manifest names one. */
  posterUrl?: string;
  messages: ViewerMessages;
}

/**
 * Safari opens a link in AR Quick Look, rather than downloading the file, only when the
 * anchor has `rel="ar"` and its first child is an `<img>` or `<picture>`; it then draws
 * its AR badge on that image. The image is the poster, or an AR icon when there is none,
 * and decorative (empty alt): the visible label names the link. Quick Look also fires a
 * `message` event on the anchor when the visitor taps its banner; we show no banner.
 */
export function QuickLookLink({ href, posterUrl, messages }: QuickLookLinkProps) {
  const hintId = useId();
  return (
    <>
      <a rel="ar" href={href} className="vitrine-tool" data-icon="" aria-describedby={hintId}>
        <img className="vitrine-ar-poster" src={posterUrl ?? AR_ICON} alt="" width={28} height={28} />
        <span className="vitrine-tool-name">{messages.viewInAr}</span>
      </a>
      <span id={hintId} hidden>
        {messages.viewInArHint}
      </span>
    </>
  );
}

/** A cube, inline so no file is fetched for it. */
const AR_ICON = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="none" stroke="#2b2722" stroke-width="1.8"' +
    ' stroke-linejoin="round"><path d="M12 3 4.5 7.2v9.6L12 21l7.5-4.2V7.2z"/><path d="m4.5 7.2 7.5 4.2 7.5-4.2M12 11.4V21"/></svg>',
)}`;
