import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Document } from '@gltf-transform/core';
import { strToU8, zipSync } from 'fflate';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { ScanError } from './errors.js';
import { ingest } from './ingest.js';
import { getIO } from './io.js';
import { snapshotFolder } from './testing/collection-snapshot.js';
import { makeBoxDocument } from './testing/fixtures.js';

let work: string;
let collection: string;

/** Writes a document as .gltf + .bin in its own folder, letting `edit` spoil the JSON first. */
async function writeGltf(name: string, document: Document, edit: (json: Record<string, unknown[]>) => void = () => {}) {
  const folder = path.join(work, name);
  mkdirSync(folder, { recursive: true });
  const { json, resources } = await (await getIO()).writeJSON(document, { basename: name });
  edit(json as unknown as Record<string, unknown[]>);
  writeFileSync(path.join(folder, `${name}.gltf`), JSON.stringify(json));
  for (const [uri, data] of Object.entries(resources)) writeFileSync(path.join(folder, uri), data);
  return path.join(folder, `${name}.gltf`);
}

function pngHeaderClaiming(width: number, height: number): Uint8Array {
  const bytes = new Uint8Array(33);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  new DataView(bytes.buffer).setUint32(16, width);
  new DataView(bytes.buffer).setUint32(20, height);
  bytes.set([8, 6, 0, 0, 0], 24);
  return bytes;
}

const cases: { name: string; make: () => Promise<string>; error: RegExp }[] = [
  {
    name: 'a truncated GLB',
    make: async () => {
      const glb = await (await getIO()).writeBinary(makeBoxDocument().document);
      const file = path.join(work, 'truncated.glb');
      writeFileSync(file, glb.subarray(0, Math.floor(glb.byteLength / 2)));
      return file;
    },
    error: /truncated\.glb is truncated/,
  },
  {
    name: 'invalid JSON',
    make: async () => {
      const file = path.join(work, 'broken.gltf');
      writeFileSync(file, '{ "asset": { "version": "2.0" }, "meshes": [');
      return file;
    },
    error: /broken\.gltf is not valid glTF JSON/,
  },
  {
    name: 'a missing .bin',
    make: async () =>
      writeGltf(
        'nobin',
        makeBoxDocument().document,
        (json) => ((json.buffers![0] as { uri: string }).uri = 'gone.bin'),
      ),
    error: /needs "gone\.bin", which is missing/,
  },
  {
    name: 'an index out of range',
    make: async () => {
      const { document } = makeBoxDocument({ segments: 1 });
      const indices = document.getRoot().listMeshes()[0]!.listPrimitives()[0]!.getIndices()!;
      indices.setScalar(0, 99_999);
      return writeGltf('oob', document);
    },
    error: /oob\.gltf is damaged: some faces refer to vertices it does not have/,
  },
  {
    name: 'NaN positions',
    make: async () => {
      const { document } = makeBoxDocument({ segments: 1 });
      const position = document.getRoot().listMeshes()[0]!.listPrimitives()[0]!.getAttribute('POSITION')!;
      position.setElement(0, [Number.NaN, 0, 0]);
      return writeGltf('nan', document);
    },
    error: /nan\.gltf has invalid numbers \(NaN or infinity\)/,
  },
  {
    name: 'a path-traversal URI',
    make: async () =>
      writeGltf(
        'traversal',
        makeBoxDocument().document,
        (json) => ((json.buffers![0] as { uri: string }).uri = '../../../etc/passwd'),
      ),
    error: /refers to "\.\.\/\.\.\/\.\.\/etc\/passwd", a path outside the scan folder/,
  },
  {
    name: 'an absolute-path image',
    make: async () =>
      writeGltf('absolute', makeBoxDocument().document, (json) => {
        json.images = [{ uri: '/etc/hostname', mimeType: 'image/png' }];
        json.textures = [{ source: 0 }];
      }),
    error: /refers to "\/etc\/hostname", an absolute path/,
  },
  {
    name: 'an image header claiming 100000×100000 pixels',
    make: async () => {
      const file = await writeGltf('huge', makeBoxDocument().document, (json) => {
        json.images = [{ uri: 'colour.png', mimeType: 'image/png' }];
        json.textures = [{ source: 0 }];
        (json.materials![0] as Record<string, unknown>).pbrMetallicRoughness = { baseColorTexture: { index: 0 } };
      });
      writeFileSync(path.join(path.dirname(file), 'colour.png'), pngHeaderClaiming(100_000, 100_000));
      return file;
    },
    error: /colour\.png is 100000×100000 pixels, more than the 16384×16384/,
  },
  {
    name: 'a texture whose data is cut short',
    make: async () => {
      const file = await writeGltf('cut', makeBoxDocument().document, (json) => {
        json.images = [{ uri: 'colour.jpg', mimeType: 'image/jpeg' }];
        json.textures = [{ source: 0 }];
        (json.materials![0] as Record<string, unknown>).pbrMetallicRoughness = { baseColorTexture: { index: 0 } };
      });
      const jpeg = await sharp({ create: { width: 256, height: 256, channels: 3, background: '#a0522d' } })
        .jpeg()
        .toBuffer();
      writeFileSync(path.join(path.dirname(file), 'colour.jpg'), jpeg.subarray(0, Math.floor(jpeg.length * 0.6)));
      return file;
    },
    error: /a texture of the scan could not be decoded/,
  },
  {
    name: 'a zip with a ../ entry',
    make: async () => {
      const file = path.join(work, 'escape.zip');
      const scan = await (await getIO()).writeBinary(makeBoxDocument().document);
      writeFileSync(file, zipSync({ 'box.glb': scan, '../../outside.txt': strToU8('nope') }));
      return file;
    },
    error: /escape\.zip.*\.\.\/\.\.\/outside\.txt/,
  },
  {
    name: 'an empty file',
    make: async () => {
      const file = path.join(work, 'empty.glb');
      writeFileSync(file, '');
      return file;
    },
    error: /empty\.glb is empty \(0 bytes\)/,
  },
  {
    name: 'a text file named .glb',
    make: async () => {
      const file = path.join(work, 'letter.glb');
      writeFileSync(file, 'Dear colleague, the scan will follow.');
      return file;
    },
    error: /letter\.glb is not a GLB file/,
  },
  {
    name: 'a file that is not a scan at all',
    make: async () => {
      const file = path.join(work, 'minutes.docx');
      writeFileSync(file, 'PK\u0003\u0004 meeting minutes');
      return file;
    },
    error: /minutes\.docx is not a format vitrine reads/,
  },
];

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'vitrine-bad-'));
  collection = path.join(work, 'collection');
  const good = path.join(work, 'good.glb');
  writeFileSync(good, await (await getIO()).writeBinary(makeBoxDocument().document));
  await ingest({ file: good, collection, id: 'good' });
});

describe('bad input ends in one clear line and an untouched collection', () => {
  for (const { name, make, error } of cases) {
    it(name, async () => {
      const file = await make();
      const before = snapshotFolder(collection);
      const outcome = ingest({ file, collection, id: 'good', replace: true });
      await expect(outcome).rejects.toBeInstanceOf(ScanError);
      await expect(outcome).rejects.toThrow(error);
      const message = await outcome.catch((failure: Error) => failure.message);
      expect(message).not.toContain('\n');
      expect(snapshotFolder(collection)).toEqual(before);
    });
  }
});

describe('a missing texture', () => {
  it('is a warning: the scan is ingested without it', async () => {
    const file = await writeGltf('notexture', makeBoxDocument().document, (json) => {
      json.images = [{ uri: 'lost colour.jpg', mimeType: 'image/jpeg' }];
      json.textures = [{ source: 0 }];
      (json.materials![0] as Record<string, unknown>).pbrMetallicRoughness = { baseColorTexture: { index: 0 } };
    });
    const { artefact } = await ingest({ file, collection: path.join(work, 'warned'), id: 'warned' });
    expect(artefact.warnings).toEqual([expect.stringMatching(/the texture "lost colour\.jpg" is missing/)]);
    expect(artefact.derivatives[0]!.textures).toEqual([]);
  });
});
