import { en } from './locales/en.js';
import { fr } from './locales/fr.js';
import { it } from './locales/it.js';
import { pl } from './locales/pl.js';

/**
 * The viewer's own words. It is embedded in pages we do not control (a museum's CMS), so
 * it cannot rely on the host app's i18n instance: it carries its few strings itself and
 * the host chooses the language with `lang`, or replaces them with `messages`.
 */
export interface ViewerMessages {
  loading: string;
  loadingPercent: (percent: number) => string;
  errorTitle: string;
  errorNotFound: string;
  errorNetwork: string;
  errorInvalid: string;
  retry: string;
  canvasLabel: (title: string) => string;
  /** The annotations' controls as a whole (a landmark). */
  annotations: string;
  annotationsError: string;
  /** A hotspot's accessible name: its number in the tour and its title. */
  hotspotLabel: (number: number, title: string) => string;
  layers: string;
  tour: string;
  tourPosition: (number: number, total: number) => string;
  previous: string;
  next: string;
  play: string;
  pause: string;
  close: string;
  captions: string;
  // Stage and study tools: loading, render modes, measuring, camera.
  /** The toolbar over the stage as a whole. */
  viewTools: string;
  /** The group of render mode buttons. */
  renderMode: string;
  renderModeNames: Readonly<Record<'textured' | 'clay' | 'wireframe', string>>;
  measure: string;
  measureHint: string;
  measureNext: string;
  /** Enter on the stage while the centre mark was off the artefact. */
  measureMissed: string;
  measureResult: (distance: string) => string;
  resetView: string;
  // Immersive modes (WebXR): VR on a headset, AR on a phone.
  enterVr: string;
  exitXr: string;
  /** Why an immersive session did not start. */
  xrFailed: string;
  /** VR: the artefact back on its plinth, in front of the visitor. */
  xrReset: string;
  /** AR: before placing. */
  arPlaceHint: string;
  /** AR: the label under a placed artefact, with its measurements ("32 cm × 18 cm × 18 cm"). */
  arTrueSize: (size: string) => string;
  arTableSize: (size: string) => string;
  /** AR: the toggle between true size and a size that fits on a table. */
  arFit: string;
  arPlaceAgain: string;
  /** The language menu's name in AR. */
  xrLanguage: string;
  /** While a preview is on screen and the full model downloads. */
  loadingPreview: (percent: number) => string;
  /** The model is downloaded; its final lighting is being prepared (a few seconds on a slow GPU). */
  loadingLight: string;
  // AR where WebXR has none: Quick Look, Scene Viewer, and a QR code for a phone.
  /** The link that opens Quick Look or Scene Viewer. */
  viewInAr: string;
  /** What that link does, for screen readers: it opens the camera. */
  viewInArHint: string;
  /** The button, on a device without AR, that shows a QR code for a phone. */
  viewOnPhone: string;
  viewOnPhoneHint: string;
  /** The QR code's accessible name. */
  qrCodeLabel: string;
  /** Before the AR link written out under the QR code, for copying. */
  viewOnPhoneLink: string;
  /** The button that closes a dialog. */
  closeDialog: string;
}

/** The languages the viewer speaks, offered in VR and AR where the page's own switcher is out of reach. */
export const VIEWER_LANGUAGES: readonly string[] = ['en', 'fr', 'it', 'pl'];

export const VIEWER_MESSAGES: Readonly<Record<string, ViewerMessages>> = Object.freeze({ en, fr, it, pl });

/** Messages for a language tag, falling back from "fr-CA" to "fr" and then to English. */
export function viewerMessagesFor(lang: string | undefined): ViewerMessages {
  const tag = (lang ?? 'en').toLowerCase();
  return VIEWER_MESSAGES[tag] ?? VIEWER_MESSAGES[tag.split('-')[0]!] ?? en;
}
