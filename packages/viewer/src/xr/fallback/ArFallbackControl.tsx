import type { Artefact } from '@vitrine/core';
import { useMemo } from 'react';
import type { ViewerMessages } from '../../i18n/messages.js';
import { resolveInsideManifestOrSkip } from '../../load/resolve-inside-manifest.js';
import { detectArCapabilities, type ArCapabilities } from './ar-capabilities.js';
import { arLinkFor, chooseArFallback } from './ar-fallback.js';
import { AR_FALLBACK_STYLES } from './ar-fallback-styles.js';
import { PhoneQrButton } from './PhoneQrButton.js';
import { QuickLookLink } from './QuickLookLink.js';
import { SceneViewerLink } from './SceneViewerLink.js';

export interface ArFallbackControlProps {
  artefact: Artefact;
  /** The artefact.json's URL as the viewer fetched it: the derivatives and poster are relative to it. */
  manifestUrl: string;
  messages: ViewerMessages;
  /** The languages the visitor reads, most wanted first. */
  languages: readonly string[];
  /** What the QR code opens on a phone. Defaults to this page with `ar=1` added to its query. */
  arLink?: string;
  /**
   * Whether WebXR `immersive-ar` works here. When it does, the viewer's own AR is used and
   * this renders nothing; while the check is still running (`undefined`) it renders
   * nothing either, so a phone with WebXR does not see a fallback flash up and vanish.
   */
  webXrAr: boolean | undefined;
  /** What the device offers; read from the browser when left out. */
  capabilities?: ArCapabilities;
}

/**
 * The AR control for devices without WebXR AR: "View in your room" through Quick Look on
 * Apple devices or Scene Viewer on Android, and "View on your phone" with a QR code
 * elsewhere. Renders nothing when the device has AR but the artefact lacks its file.
 */
export function ArFallbackControl({
  artefact,
  manifestUrl,
  messages,
  languages,
  arLink,
  webXrAr,
  capabilities,
}: ArFallbackControlProps) {
  const detected = useMemo(() => capabilities ?? detectArCapabilities(), [capabilities]);
  if (webXrAr === undefined) return null;
  const pageUrl = globalThis.location.href;
  const baseUrl = globalThis.document.baseURI;
  const fallback = chooseArFallback({
    capabilities: detected,
    webXrAr,
    artefact,
    manifestUrl,
    baseUrl,
    pageUrl,
    arLink: arLink ?? arLinkFor(pageUrl),
    languages,
  });
  if (!fallback) return null;
  const posterUrl = artefact.poster ? resolveInsideManifestOrSkip(manifestUrl, artefact.poster, baseUrl) : undefined;
  return (
    <>
      <style href="vitrine-ar-fallback" precedence="default">
        {AR_FALLBACK_STYLES}
      </style>
      {fallback.kind === 'quick-look' ? (
        <QuickLookLink href={fallback.href} posterUrl={posterUrl} messages={messages} />
      ) : fallback.kind === 'scene-viewer' ? (
        <SceneViewerLink href={fallback.href} messages={messages} />
      ) : (
        <PhoneQrButton url={fallback.url} messages={messages} />
      )}
    </>
  );
}
