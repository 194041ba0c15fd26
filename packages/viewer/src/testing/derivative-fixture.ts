import type { Derivative } from '@vitrine/core';

/**
 * A manifest entry for tests that choose between derivatives: only the profile and the
 * container matter to them; the URL follows the pipeline's naming (`<profile>.<container>`).
 */
export function derivativeFixture(profile: string, container: 'glb' | 'usdz' = 'glb'): Derivative {
  return {
    profile,
    url: `${profile}.${container}`,
    container,
    bytes: 1,
    triangles: 1,
    vertices: 3,
    textures: [],
    sha256: '0'.repeat(64),
  };
}
