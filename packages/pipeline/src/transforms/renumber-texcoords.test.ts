import { Document, type Primitive } from '@gltf-transform/core';
import { KHRTextureTransform } from '@gltf-transform/extensions';
import { describe, expect, it } from 'vitest';
import { renumberTexCoords } from './renumber-texcoords.js';

function triangle(document: Document, sets: number[]): Primitive {
  const primitive = document.createPrimitive().setAttribute(
    'POSITION',
    document
      .createAccessor()
      .setType('VEC3')
      .setArray(new Float32Array([0, 0, 0, 1, 0, 0, 0, 1, 0])),
  );
  for (const set of sets) {
    const uv = document
      .createAccessor(`uv${set}`)
      .setType('VEC2')
      .setArray(new Float32Array(6).fill(set / 10));
    primitive.setAttribute(`TEXCOORD_${set}`, uv);
  }
  document.createMesh().addPrimitive(primitive);
  return primitive;
}

const texCoordsOf = (primitive: Primitive) =>
  Object.fromEntries(
    primitive
      .listSemantics()
      .filter((semantic) => semantic.startsWith('TEXCOORD_'))
      .map((semantic) => [semantic, primitive.getAttribute(semantic)!.getName()]),
  );

async function renumber(document: Document): Promise<number> {
  let renumbered = -1;
  await document.transform(renumberTexCoords({ onRenumbered: (count) => (renumbered = count) }));
  return renumbered;
}

describe('renumberTexCoords', () => {
  it('moves a lone TEXCOORD_1 to TEXCOORD_0, and the material with it', async () => {
    const document = new Document();
    const primitive = triangle(document, [1]);
    const texture = document.createTexture('colour');
    const material = document.createMaterial().setBaseColorTexture(texture).setNormalTexture(texture);
    material.getBaseColorTextureInfo()!.setTexCoord(1);
    material.getNormalTextureInfo()!.setTexCoord(1);
    primitive.setMaterial(material);

    expect(await renumber(document)).toBe(1);
    expect(texCoordsOf(primitive)).toEqual({ TEXCOORD_0: 'uv1' });
    expect(primitive.getMaterial()).toBe(material);
    expect(material.getBaseColorTextureInfo()!.getTexCoord()).toBe(0);
    expect(material.getNormalTextureInfo()!.getTexCoord()).toBe(0);
  });

  it('closes gaps: sets 0, 2, 3 become 0, 1, 2', async () => {
    const document = new Document();
    const primitive = triangle(document, [0, 2, 3]);
    const texture = document.createTexture();
    const material = document.createMaterial().setOcclusionTexture(texture).setEmissiveTexture(texture);
    material.getOcclusionTextureInfo()!.setTexCoord(3);
    material.getEmissiveTextureInfo()!.setTexCoord(2);
    primitive.setMaterial(material);

    expect(await renumber(document)).toBe(1);
    expect(texCoordsOf(primitive)).toEqual({ TEXCOORD_0: 'uv0', TEXCOORD_1: 'uv2', TEXCOORD_2: 'uv3' });
    expect(material.getOcclusionTextureInfo()!.getTexCoord()).toBe(2);
    expect(material.getEmissiveTextureInfo()!.getTexCoord()).toBe(1);
  });

  it('copies a material shared with a primitive whose sets stay, texture transforms included', async () => {
    const document = new Document();
    const gap = triangle(document, [1]);
    const whole = triangle(document, [0, 1]);
    const material = document.createMaterial('Shared').setBaseColorTexture(document.createTexture());
    const info = material.getBaseColorTextureInfo()!.setTexCoord(1);
    const transform = document.createExtension(KHRTextureTransform).createTransform().setTexCoord(1);
    info.setExtension('KHR_texture_transform', transform);
    gap.setMaterial(material);
    whole.setMaterial(material);

    expect(await renumber(document)).toBe(1);
    expect(whole.getMaterial()).toBe(material);
    expect(info.getTexCoord()).toBe(1);
    expect(transform.getTexCoord()).toBe(1);
    const copy = gap.getMaterial()!;
    expect(copy).not.toBe(material);
    expect(copy.getName()).toBe('Shared');
    expect(copy.getBaseColorTexture()).toBe(material.getBaseColorTexture());
    expect(copy.getBaseColorTextureInfo()!.getTexCoord()).toBe(0);
    expect(copy.getBaseColorTextureInfo()!.getExtension<typeof transform>('KHR_texture_transform')!.getTexCoord()).toBe(
      0,
    );
  });

  it('leaves sets that already start at 0 as they are', async () => {
    const document = new Document();
    const primitive = triangle(document, [0, 1]);
    const before = primitive.getAttribute('TEXCOORD_1');
    expect(await renumber(document)).toBe(0);
    expect(primitive.getAttribute('TEXCOORD_1')).toBe(before);
  });
});
