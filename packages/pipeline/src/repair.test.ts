import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { ingest } from './ingest.js';
import { getIO } from './io.js';
import { repairScan } from './repair.js';
import { makeBoxDocument } from './testing/fixtures.js';

describe('repairScan', () => {
  it('renumbers sets, repairs normals and makes tangents, one warning line each, into a valid file', async () => {
    const { document } = makeBoxDocument({ segments: 2 });
    const primitive = document.getRoot().listMeshes()[0]!.listPrimitives()[0]!;
    // As an odd exporter leaves it: the only UV set is TEXCOORD_1, normals unscaled or lost.
    primitive.setAttribute('TEXCOORD_1', primitive.getAttribute('TEXCOORD_0')).setAttribute('TEXCOORD_0', null);
    const material = primitive.getMaterial()!.setNormalTexture(document.createTexture('relief'));
    material.getNormalTextureInfo()!.setTexCoord(1);
    const normal = primitive.getAttribute('NORMAL')!;
    normal.setElement(0, [0, 0, 3]);
    normal.setElement(1, [0, 0, 0]);

    const warnings = await repairScan(document, 'scan.glb');

    expect(warnings).toEqual([
      'scan.glb: renumbered the texture coordinate sets of 1 mesh part to start at 0 without gaps, as glTF requires (their materials follow)',
      'scan.glb: repaired 2 normals that were not unit length (1 rescaled, 1 zero or invalid, recomputed from their faces)',
      'scan.glb: generated tangents for 1 mesh part with a normal map',
    ]);
    const repaired = document.getRoot().listMeshes()[0]!.listPrimitives()[0]!;
    expect(repaired.listSemantics().sort()).toEqual(['NORMAL', 'POSITION', 'TANGENT', 'TEXCOORD_0']);
    expect(repaired.getMaterial()!.getNormalTextureInfo()!.getTexCoord()).toBe(0);
    const normals = repaired.getAttribute('NORMAL')!;
    for (let i = 0; i < normals.getCount(); i++) expect(Math.hypot(...normals.getElement(i, []))).toBeCloseTo(1, 5);
    // Still one document a GLB can hold.
    await expect((await getIO()).writeBinary(document)).resolves.toBeInstanceOf(Uint8Array);
  });

  it('warns, and leaves it, when a normal map has no texture coordinates to follow', async () => {
    const { document } = makeBoxDocument({ segments: 1 });
    const primitive = document.getRoot().listMeshes()[0]!.listPrimitives()[0]!;
    primitive.getMaterial()!.setNormalTexture(document.createTexture('relief'));
    primitive.setAttribute('TEXCOORD_0', null);

    const warnings = await repairScan(document, 'scan.glb');

    expect(warnings).toEqual([
      'scan.glb: 1 mesh part with a normal map has no texture coordinates for it, so the map may shade wrongly; export the scan again with them',
    ]);
    expect(primitive.getAttribute('TANGENT')).toBeNull();
  });

  it('says nothing about a clean scan', async () => {
    const { document } = makeBoxDocument({ segments: 2 });
    expect(await repairScan(document, 'scan.glb')).toEqual([]);
  });

  it('gets past the validator: a GLB with such normals and UV sets ingests, with the warnings', async () => {
    const { document } = makeBoxDocument({ segments: 2 });
    const primitive = document.getRoot().listMeshes()[0]!.listPrimitives()[0]!;
    primitive.setAttribute('TEXCOORD_1', primitive.getAttribute('TEXCOORD_0')).setAttribute('TEXCOORD_0', null);
    const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#a63' } })
      .png()
      .toBuffer();
    const texture = document.createTexture('colour').setImage(new Uint8Array(png)).setMimeType('image/png');
    primitive.getMaterial()!.setBaseColorTexture(texture).getBaseColorTextureInfo()!.setTexCoord(1);
    const normal = primitive.getAttribute('NORMAL')!;
    normal.setElement(0, [0, 0, 3]);
    normal.setElement(1, [NaN, 0, 0]);
    const work = mkdtempSync(path.join(tmpdir(), 'vitrine-repair-'));
    const file = path.join(work, 'odd export.glb');
    writeFileSync(file, await (await getIO()).writeBinary(document));

    const result = await ingest({ file, collection: path.join(work, 'collection') });

    expect(result.status).toBe('written');
    expect(result.artefact.warnings.join('\n')).toMatch(/renumbered the texture coordinate sets/);
    expect(result.artefact.warnings.join('\n')).toMatch(/repaired 2 normals/);
  });
});
