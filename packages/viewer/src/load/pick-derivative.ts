import type { Artefact, Derivative } from '@vitrine/core';
import { chooseProfile, readDeviceSignals } from './device-profile.js';
import { resolveInsideManifest } from './resolve-inside-manifest.js';

/** Profiles from lightest to richest: the order in which a viewer may step up. */
export const PROFILE_ORDER = ['thumb', 'mobile', 'vr', 'desktop'] as const;

/** What to load: `first` is shown while `target` downloads (absent when there is nothing lighter). */
export interface DerivativePlan {
  first?: Derivative;
  target: Derivative;
}

/**
 * Chooses the derivative to show. An explicit `profile` wins; otherwise the device rule
 * (see chooseProfile) picks one. When the manifest lacks the wanted profile, the nearest
 * lighter one is taken (a device that can draw desktop can draw mobile), then the
 * nearest richer, then any GLB.
 */
export function pickDerivative(artefact: Artefact, profile?: string): Derivative {
  // USDZ derivatives are for iOS AR Quick Look, not for three.js.
  const glbs = artefact.derivatives.filter((derivative) => derivative.container === 'glb');
  const byProfile = new Map(glbs.map((derivative) => [derivative.profile, derivative]));
  const wanted = profile ?? chooseProfile(readDeviceSignals());
  const exact = byProfile.get(wanted);
  if (exact) return exact;
  const ladder: readonly string[] = PROFILE_ORDER.filter((name) => name !== 'vr');
  const at = ladder.indexOf(wanted);
  if (at >= 0) {
    const lighter = ladder.slice(0, at).reverse();
    const richer = ladder.slice(at + 1);
    for (const name of [...lighter, ...richer]) {
      const derivative = byProfile.get(name);
      if (derivative) return derivative;
    }
  }
  return byProfile.get('mobile') ?? glbs[0] ?? artefact.derivatives[0]!;
}

/**
 * The target for this device (or `profile`), and the thumb to show while it downloads:
 * the thumb is a tenth of the mobile derivative's bytes, so something turns under the
 * visitor's hand within a second or two on a phone.
 */
export function planDerivatives(artefact: Artefact, profile?: string): DerivativePlan {
  const target = pickDerivative(artefact, profile);
  const thumb = artefact.derivatives.find(
    (derivative) => derivative.profile === 'thumb' && derivative.container === 'glb',
  );
  return thumb && thumb !== target ? { first: thumb, target } : { target };
}

/**
 * Resolves a manifest-relative file against the manifest's own URL, relative to the page.
 * Throws an ArtefactLoadError for a file outside the manifest's folder (see resolveInsideManifest).
 */
export function resolveArtefactFile(manifestUrl: string, file: string): string {
  return resolveInsideManifest(manifestUrl, file, document.baseURI);
}
