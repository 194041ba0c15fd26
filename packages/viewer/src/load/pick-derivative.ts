import type { Artefact, Derivative } from '@vitrine/core';

/** Profiles from lightest to richest: the order in which a viewer may step up. */
export const PROFILE_ORDER = ['thumb', 'mobile', 'vr', 'desktop'] as const;

/**
 * Chooses the derivative to show. An explicit `profile` wins when the manifest has it;
 * otherwise the richest of mobile/desktop that exists, falling back to anything.
 */
export function pickDerivative(artefact: Artefact, profile?: string): Derivative {
  // USDZ derivatives are for iOS AR Quick Look, not for three.js.
  const glbs = artefact.derivatives.filter((derivative) => derivative.container === 'glb');
  const byProfile = new Map(glbs.map((derivative) => [derivative.profile, derivative]));
  if (profile && byProfile.has(profile)) return byProfile.get(profile)!;
  return byProfile.get('mobile') ?? byProfile.get('desktop') ?? glbs[0] ?? artefact.derivatives[0]!;
}

/** Resolves a manifest-relative file against the manifest's own URL. */
export function resolveArtefactFile(manifestUrl: string, file: string): string {
  return new URL(file, new URL(manifestUrl, document.baseURI)).toString();
}
