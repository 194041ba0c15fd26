import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Document } from '@gltf-transform/core';
import { afterAll, describe, expect, it } from 'vitest';
import { ScanError } from '../errors.js';
import { getIO } from '../io.js';
import { makeBoxDocument } from '../testing/fixtures.js';
import { readGltf } from './gltf.js';

const work = mkdtempSync(path.join(tmpdir(), 'vitrine-gltf-odd-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const json = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

/** A glTF 1.0 scene as old exporters wrote it: objects in maps keyed by id, shaders of its own. */
const GLTF1 = {
  accessors: {
    'accessor-positions': { bufferView: 'bufferView-0', byteOffset: 0, componentType: 5126, count: 3, type: 'VEC3' },
  },
  bufferViews: { 'bufferView-0': { buffer: 'scan', byteLength: 36, byteOffset: 0 } },
  buffers: { scan: { uri: 'scan.bin', byteLength: 36 } },
  meshes: { 'mesh-0': { primitives: [{ attributes: { POSITION: 'accessor-positions' }, mode: 4 }] } },
  nodes: { 'node-0': { meshes: ['mesh-0'] } },
  scene: 'scene-0',
  scenes: { 'scene-0': { nodes: ['node-0'] } },
  techniques: {},
};

/** A binary glTF 1.0 (KHR_binary_glTF): header of five words, then the JSON scene. */
function glbVersion1(scene: object): Uint8Array {
  const content = json(scene);
  const bytes = new Uint8Array(20 + content.byteLength);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, 0x46546c67, true); // "glTF"
  view.setUint32(4, 1, true);
  view.setUint32(8, bytes.byteLength, true);
  view.setUint32(12, content.byteLength, true);
  view.setUint32(16, 0, true); // content format: JSON
  bytes.set(content, 20);
  return bytes;
}

/** A GLB of version 2 around any JSON chunk, as a damaged or hand-made file may be. */
function glbVersion2(chunk: string): Uint8Array {
  const content = new TextEncoder().encode(chunk.padEnd(Math.ceil(chunk.length / 4) * 4, ' '));
  const bytes = new Uint8Array(20 + content.byteLength);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, 0x46546c67, true); // "glTF"
  view.setUint32(4, 2, true);
  view.setUint32(8, bytes.byteLength, true);
  view.setUint32(12, content.byteLength, true);
  view.setUint32(16, 0x4e4f534a, true); // "JSON"
  bytes.set(content, 20);
  return bytes;
}

async function refusal(file: string, bytes: Uint8Array): Promise<ScanError> {
  const error = await readGltf(path.join(work, file), bytes).then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(error).toBeInstanceOf(ScanError);
  expect((error as ScanError).message).not.toContain('\n');
  return error as ScanError;
}

describe('readGltf refuses versions it cannot read, in one line', () => {
  it('refuses glTF 1.0 that says so, naming the version and a converter', async () => {
    const error = await refusal('old.gltf', json({ ...GLTF1, asset: { version: '1.0' } }));
    expect(error.code).toBe('unsupported-version');
    expect(error.message).toMatch(/^old\.gltf is glTF 1\.0, which vitrine does not read/);
    expect(error.message).toContain('gltf-pipeline -i old.gltf -o old-gltf2.glb');
  });

  it('refuses glTF 1.0 without asset.version, by its maps', async () => {
    const error = await refusal('sketchfab.gltf', json(GLTF1));
    expect(error.code).toBe('unsupported-version');
    expect(error.message).toContain('glTF 1.0');
  });

  it('refuses a GLB of version 1', async () => {
    const error = await refusal('old.glb', glbVersion1({ ...GLTF1, asset: { version: '1.0' } }));
    expect(error.code).toBe('unsupported-version');
    expect(error.message).toContain('old.glb is glTF 1.0');
  });

  it('refuses the 0.8 draft as what it is, with the same advice', async () => {
    const { asset: _, ...draft } = { ...GLTF1, asset: undefined, version: '0.8' };
    const error = await refusal('draft.gltf', json(draft));
    expect(error.code).toBe('unsupported-version');
    expect(error.message).toMatch(/^draft\.gltf is glTF 0\.8, which vitrine does not read; .*gltf-pipeline/);
  });

  it('refuses any other version than 2.x, saying which', async () => {
    const future = await refusal('future.gltf', json({ asset: { version: '3.0' }, meshes: [] }));
    expect(future.code).toBe('unsupported-version');
    expect(future.message).toContain('future.gltf is glTF 3.0');

    const glb = await (await getIO()).writeBinary(makeBoxDocument({ segments: 1 }).document);
    new DataView(glb.buffer, glb.byteOffset).setUint32(4, 3, true);
    expect((await refusal('future.glb', glb)).message).toContain('GLB of version 3');
  });
});

describe('readGltf answers odd JSON with a ScanError, never an internal error', () => {
  const odd: [string, unknown][] = [
    ['a list', []],
    ['a string', 'glTF'],
    ['no asset', { meshes: [] }],
    ['no asset.version', { asset: {}, meshes: [] }],
    ['buffers as a map in 2.0', { asset: { version: '2.0' }, buffers: { a: { uri: 'a.bin', byteLength: 4 } } }],
    ['a null image', { asset: { version: '2.0' }, images: [null] }],
    ['a buffer uri that is a number', { asset: { version: '2.0' }, buffers: [{ uri: 5, byteLength: 4 }] }],
    [
      'an accessor on a missing view',
      { asset: { version: '2.0' }, accessors: [{ bufferView: 9, count: 1, componentType: 5126, type: 'VEC3' }] },
    ],
  ];
  it.each(odd)('%s', async (_, value) => {
    const error = await refusal('odd.gltf', json(value));
    expect(error.code).toBe('corrupt');
  });
});

describe('readGltf answers an odd GLB with a ScanError', () => {
  it.each(['null', '[]', '"glTF"', '{"asset": {"version": "2.0"}, "buffers": {"a": {}}}'])(
    'refuses a JSON chunk of %s',
    async (chunk) => {
      expect((await refusal('odd.glb', glbVersion2(chunk))).code).toBe('corrupt');
    },
  );
});

describe('readGltf with one .bin per mesh', () => {
  function twoBufferDocument(): Document {
    const { document } = makeBoxDocument({ segments: 2 });
    const root = document.getRoot();
    const box = root.listMeshes()[0]!;
    const second = document.createBuffer('second').setURI('second.bin');
    const copy = box.clone().setName('Copy');
    for (const primitive of copy.listPrimitives()) {
      for (const semantic of primitive.listSemantics()) {
        primitive.setAttribute(semantic, primitive.getAttribute(semantic)!.clone().setBuffer(second));
      }
      primitive.setIndices(primitive.getIndices()!.clone().setBuffer(second));
    }
    root.listBuffers()[0]!.setURI('first.bin');
    root.listScenes()[0]!.addChild(document.createNode('Copy').setMesh(copy).setTranslation([2, 0, 0]));
    return document;
  }

  it('reads it and writes it as one GLB with all its geometry', async () => {
    const original = twoBufferDocument();
    const io = await getIO();
    const folder = mkdtempSync(path.join(work, 'split-'));
    const { json: gltf, resources } = await io.writeJSON(original);
    expect(gltf.buffers!.map((buffer) => buffer.uri)).toEqual(['first.bin', 'second.bin']);
    writeFileSync(path.join(folder, 'split.gltf'), JSON.stringify(gltf));
    for (const [uri, data] of Object.entries(resources)) writeFileSync(path.join(folder, uri), data);

    const file = path.join(folder, 'split.gltf');
    const document = await readGltf(file, new Uint8Array(readFileSync(file)));
    expect(document.getRoot().listBuffers()).toHaveLength(1);

    const reread = await io.readBinary(await io.writeBinary(document));
    const positions = (doc: Document) =>
      doc
        .getRoot()
        .listMeshes()
        .map((mesh) => ({
          name: mesh.getName(),
          positions: Array.from(mesh.listPrimitives()[0]!.getAttribute('POSITION')!.getArray()!),
          indices: Array.from(mesh.listPrimitives()[0]!.getIndices()!.getArray()!),
        }));
    const expected = positions(original);
    expect(expected).toHaveLength(2);
    expect(positions(reread)).toEqual(expected);
  });
});
