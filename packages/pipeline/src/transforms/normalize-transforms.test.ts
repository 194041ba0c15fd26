import { getBounds } from '@gltf-transform/functions';
import type { Document } from '@gltf-transform/core';
import { describe, expect, it } from 'vitest';
import { makeBoxDocument } from '../testing/fixtures.js';
import { bakeNodeTransforms } from './bake-node-transforms.js';
import { keepDefaultScene } from './keep-default-scene.js';
import { makeYUp } from './make-y-up.js';
import { placeOnGround } from './place-on-ground.js';
import { rescale } from './rescale.js';

function bounds(document: Document) {
  const { min, max } = getBounds(document.getRoot().getDefaultScene()!);
  return { min: min.map((v) => +v.toFixed(6)), max: max.map((v) => +v.toFixed(6)) };
}

describe('bakeNodeTransforms', () => {
  it('moves node transforms into the vertices and leaves nodes at identity', async () => {
    const { document, node } = makeBoxDocument({ size: 0.5 });
    node.setTranslation([10, 0, 0]).setScale([2, 2, 2]);
    await document.transform(bakeNodeTransforms());
    expect(node.getTranslation()).toEqual([0, 0, 0]);
    expect(node.getScale()).toEqual([1, 1, 1]);
    expect(bounds(document)).toEqual({ min: [9, -1, -1], max: [11, 1, 1] });
  });

  it('gives each node its own copy of a shared mesh', async () => {
    const { document, node } = makeBoxDocument({ size: 0.5 });
    const twin = document.createNode('Twin').setMesh(node.getMesh()).setTranslation([5, 0, 0]);
    document.getRoot().getDefaultScene()!.addChild(twin);
    await document.transform(bakeNodeTransforms());
    expect(node.getMesh()).not.toBe(twin.getMesh());
    expect(bounds(document)).toEqual({ min: [-0.5, -0.5, -0.5], max: [5.5, 0.5, 0.5] });
  });
});

describe('rescale, makeYUp, placeOnGround', () => {
  it('scales millimetres to metres', async () => {
    const { document } = makeBoxDocument({ size: 100 });
    await document.transform(rescale({ factor: 0.001 }));
    expect(bounds(document)).toEqual({ min: [-0.1, -0.1, -0.1], max: [0.1, 0.1, 0.1] });
  });

  it('turns a Z-up scan so its top is +Y', async () => {
    const { document, node } = makeBoxDocument({ size: 0.5 });
    node.setScale([1, 1, 3]); // tall along Z, as a Z-up scanner would write a standing object
    await document.transform(bakeNodeTransforms(), makeYUp({ up: 'z' }));
    const { min, max } = bounds(document);
    expect(max[1]! - min[1]!).toBeCloseTo(3);
  });

  it('centres on X and Z and stands the object on y = 0', async () => {
    const { document, node } = makeBoxDocument({ size: 0.5 });
    node.setTranslation([3, -7, 2]);
    await document.transform(bakeNodeTransforms(), placeOnGround());
    expect(bounds(document)).toEqual({ min: [-0.5, 0, -0.5], max: [0.5, 1, 0.5] });
  });
});

describe('keepDefaultScene', () => {
  it('drops extra scenes, which scanners sometimes leave empty', async () => {
    const { document } = makeBoxDocument();
    document.createScene('Empty');
    await document.transform(keepDefaultScene());
    expect(document.getRoot().listScenes()).toHaveLength(1);
    expect(document.getRoot().getDefaultScene()!.listChildren()).toHaveLength(1);
  });
});
