import type { Material, Mesh } from 'three';

/**
 * The loaded materials of meshes that show a substitute for now (clay, wireframe). The
 * loaded ones still belong to the loader: kept here, they are restored when the visitor
 * switches back, and disposed with the scene even if the scene goes first.
 */
const stash = new WeakMap<Mesh, Material | Material[]>();

/** Shows `substitute` on `mesh`, keeping its loaded material(s) aside; a second call keeps the first originals. */
export function showSubstitute(mesh: Mesh, substitute: Material): void {
  if (!stash.has(mesh)) stash.set(mesh, mesh.material);
  mesh.material = substitute;
}

/** Puts the loaded material(s) back on `mesh`, if a substitute was shown. */
export function restoreLoaded(mesh: Mesh): void {
  const loaded = stash.get(mesh);
  if (loaded === undefined) return;
  mesh.material = loaded;
  stash.delete(mesh);
}

/** The loaded material(s) of `mesh`, whichever is on show. */
export function loadedMaterials(mesh: Mesh): Material[] {
  const loaded = stash.get(mesh) ?? mesh.material;
  return Array.isArray(loaded) ? loaded : [loaded];
}
