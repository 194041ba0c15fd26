import { pickText, type Artefact } from '@vitrine/core';
import { resolveInsideManifestOrSkip } from '../../load/resolve-inside-manifest.js';
import type { ArCapabilities } from './ar-capabilities.js';

/**
 * The AR path to offer when WebXR AR is missing: Apple's Quick Look with the USDZ, Google's
 * Scene Viewer with the Scene Viewer GLB (`android-ar`, else the mobile one), or, on a device with neither, a QR code that carries
 * the visitor to the same page on their phone.
 */
export type ArFallback =
  { kind: 'quick-look'; href: string } | { kind: 'scene-viewer'; href: string } | { kind: 'qr'; url: string };

export interface ArFallbackInput {
  capabilities: ArCapabilities;
  /** Whether WebXR `immersive-ar` works here: then the viewer's own AR is used and there is no fallback. */
  webXrAr: boolean;
  artefact: Artefact;
  /** The artefact.json's URL as the viewer fetched it: the derivatives' URLs are relative to it. */
  manifestUrl: string;
  /** What a relative `manifestUrl` is relative to: the document's base URI. */
  baseUrl: string;
  /** The page the visitor is on: where Scene Viewer sends them back when it cannot open. */
  pageUrl: string;
  /** The link the QR code carries to a phone (see arLinkFor). */
  arLink: string;
  /** The languages the visitor reads, most wanted first: for the title Scene Viewer shows. */
  languages: readonly string[];
}

/** The query parameter that asks the page, opened on a phone, to offer AR straight away. */
export const AR_QUERY_PARAMETER = 'ar';

/**
 * Chooses the fallback, or none. Quick Look comes first: `rel="ar"` support is a real
 * feature test, while "Android" is read from the platform and only a guess that Scene
 * Viewer is there. A device that has an AR path but not the file it needs (no USDZ, no
 * mobile GLB) gets nothing rather than a QR code: sending a phone to itself helps no one.
 */
export function chooseArFallback(input: ArFallbackInput): ArFallback | undefined {
  const { capabilities, artefact } = input;
  if (input.webXrAr) return undefined;
  if (capabilities.quickLook) {
    const usdzs = artefact.derivatives.filter((derivative) => derivative.container === 'usdz');
    const usdz = usdzs.find((derivative) => derivative.profile === 'ar') ?? usdzs[0];
    // A file outside the manifest's folder counts as missing: no link that leads elsewhere.
    const usdzUrl = usdz && resolveInsideManifestOrSkip(input.manifestUrl, usdz.url, input.baseUrl);
    return usdzUrl ? { kind: 'quick-look', href: quickLookHref(usdzUrl) } : undefined;
  }
  if (capabilities.android) {
    const glbs = artefact.derivatives.filter((derivative) => derivative.container === 'glb');
    // The pipeline's Draco + JPEG GLB for Scene Viewer; a collection made before it had one
    // falls back to the mobile GLB, which Scene Viewer may not read (see sceneViewerHref).
    const glb =
      glbs.find((derivative) => derivative.profile === 'android-ar') ??
      glbs.find((derivative) => derivative.profile === 'mobile');
    const glbUrl = glb && resolveInsideManifestOrSkip(input.manifestUrl, glb.url, input.baseUrl);
    if (!glbUrl) return undefined;
    const title = pickText(artefact.title, input.languages);
    return { kind: 'scene-viewer', href: sceneViewerHref(glbUrl, title, input.pageUrl) };
  }
  return { kind: 'qr', url: input.arLink };
}

/**
 * A Quick Look link at true size. Apple's web banner parameters (checkoutTitle, price,
 * callToAction, canonicalWebPageURL, ...) go in the URL's fragment, and so does
 * `allowsContentScaling=0`, the web form of ARQuickLookPreviewItem.allowsContentScaling
 * (it is what model-viewer's `ar-scale="fixed"` writes): with it the pinch that would
 * resize the object is off, so what stands in the room is the artefact's real size.
 */
export function quickLookHref(usdzUrl: string): string {
  const url = new URL(usdzUrl);
  url.hash = 'allowsContentScaling=0';
  return url.toString();
}

/**
 * A Scene Viewer intent, as Google documents it for the web
 * (developers.google.com/ar/develop/scene-viewer): `package=com.google.ar.core` with
 * `mode=ar_preferred` opens straight in AR and, where Google Play Services for AR is
 * missing, leaves it to `S.browser_fallback_url`. `resizable=false` turns off scaling, so
 * the object keeps its true size. Scene Viewer shows `title` (cut after 60 characters).
 *
 * Every value is percent-encoded: the file URL and the title may hold `&`, `#` or `;`,
 * which would otherwise end the parameter or the intent, and spaces as `%20` rather than
 * `+`, which not every query parser reads as a space.
 *
 * Scene Viewer is a native renderer, not three.js, and reads fewer glTF extensions: we
 * found no statement from Google that it reads EXT_meshopt_compression or
 * EXT_texture_webp, and reports from people shipping GLBs to it list only
 * KHR_draco_mesh_compression, KHR_mesh_quantization, KHR_texture_transform and
 * KHR_materials_unlit (Filament's Android build has no WebP decoder either). A mobile
 * GLB written with meshopt and WebP may therefore fail there with "Couldn't load
 * object"; hence the pipeline's `android-ar` profile, a Draco and JPEG/PNG GLB for it.
 */
export function sceneViewerHref(glbUrl: string, title: string, pageUrl: string): string {
  const query = [
    `file=${encodeURIComponent(glbUrl)}`,
    'mode=ar_preferred',
    'resizable=false',
    ...(title ? [`title=${encodeURIComponent(title)}`] : []),
  ].join('&');
  const intent = [
    'scheme=https',
    'package=com.google.ar.core',
    'action=android.intent.action.VIEW',
    `S.browser_fallback_url=${encodeURIComponent(withoutArParameter(pageUrl))}`,
  ].join(';');
  return `intent://arvr.google.com/scene-viewer/1.0?${query}#Intent;${intent};end;`;
}

/** The page's AR link: the page itself, with `ar=1` in its query and its hash kept. */
export function arLinkFor(pageUrl: string): string {
  const url = new URL(pageUrl);
  url.searchParams.set(AR_QUERY_PARAMETER, '1');
  return url.toString();
}

/**
 * The page without `ar=1`. Scene Viewer's fallback URL must not ask for AR again, or a
 * phone without the Google app would go from the page to the intent and back.
 */
function withoutArParameter(pageUrl: string): string {
  const url = new URL(pageUrl);
  if (!url.searchParams.has(AR_QUERY_PARAMETER)) return url.toString();
  url.searchParams.delete(AR_QUERY_PARAMETER);
  return url.toString();
}
