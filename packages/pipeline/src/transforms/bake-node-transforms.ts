import type { Document, Transform } from '@gltf-transform/core';
import { createTransform, transformMesh } from '@gltf-transform/functions';

const NAME = 'bakeNodeTransforms';

/**
 * Moves every node's world transform into its mesh's vertices and leaves all nodes at
 * identity, so that later steps (units, up axis, grounding, budgets) work in one space and
 * the artefact's bounds are its true size. A mesh used by several nodes gets one copy per
 * node: scans rarely instance, and correctness of size matters more than those bytes.
 */
export function bakeNodeTransforms(): Transform {
  return createTransform(NAME, (document: Document) => {
    const nodes = document.getRoot().listNodes();
    const worldMatrices = new Map(nodes.map((node) => [node, node.getWorldMatrix()]));
    const meshesSeen = new Set();
    for (const node of nodes) {
      let mesh = node.getMesh();
      if (!mesh) continue;
      if (meshesSeen.has(mesh)) {
        const copy = document.createMesh(mesh.getName());
        for (const primitive of mesh.listPrimitives()) copy.addPrimitive(primitive);
        node.setMesh(copy);
        mesh = copy;
      }
      meshesSeen.add(mesh);
      transformMesh(mesh, worldMatrices.get(node)!);
    }
    for (const node of nodes) {
      node.setTranslation([0, 0, 0]).setRotation([0, 0, 0, 1]).setScale([1, 1, 1]);
    }
  });
}
