import type { Document, Transform } from '@gltf-transform/core';
import { createTransform } from '@gltf-transform/functions';
import { pruneUnused } from './prune-unused.js';

const NAME = 'keepDefaultScene';

/**
 * An artefact is one scene. Scanner exports sometimes carry extra scenes (often empty,
 * which the validator rejects): keep the default one, or the first that has content,
 * and drop what only the others used.
 */
export function keepDefaultScene(): Transform {
  return createTransform(NAME, async (document: Document) => {
    const root = document.getRoot();
    const scenes = root.listScenes();
    const keep = root.getDefaultScene() ?? scenes.find((scene) => scene.listChildren().length > 0) ?? scenes[0];
    if (!keep) {
      root.setDefaultScene(document.createScene('Scene'));
      for (const node of root.listNodes()) if (!node.getParentNode()) root.getDefaultScene()!.addChild(node);
      return;
    }
    for (const scene of scenes) if (scene !== keep) scene.dispose();
    root.setDefaultScene(keep);
    await document.transform(pruneUnused());
  });
}
