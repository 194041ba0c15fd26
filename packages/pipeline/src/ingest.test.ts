import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { artefactSchema, collectionSchema } from '@vitrine/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateGlb } from './check/validate.js';
import { ScanError } from './errors.js';
import { ingest } from './ingest.js';
import { getIO } from './io.js';
import { snapshotFolder } from './testing/collection-snapshot.js';
import { makeBoxDocument } from './testing/fixtures.js';

const SCANS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../shared/scans');

let work: string;
let boxFile: string;

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'vitrine-ingest-'));
  boxFile = path.join(work, 'clay box.glb');
  const { document, node } = makeBoxDocument({ size: 50, segments: 6 }); // a 10 cm box, in mm
  node.setTranslation([0, 200, 0]);
  writeFileSync(boxFile, await (await getIO()).writeBinary(document));
});

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8'));
}

describe('ingest', () => {
  it('writes a validated manifest, a validator-clean GLB and the collection index', async () => {
    const collection = path.join(work, 'first');
    const result = await ingest({ file: boxFile, collection, size: { kind: 'units', unit: 'mm' } });
    expect(result.status).toBe('written');
    expect(result.id).toBe('clay-box');
    const artefact = artefactSchema.parse(readJson(path.join(collection, 'clay-box/artefact.json')));
    expect(artefact.title).toEqual({ en: 'Clay box' });
    expect(artefact.dimensions.height).toBeCloseTo(0.1, 6);
    expect(artefact.dimensions.width).toBeCloseTo(0.1, 6);
    expect(artefact.scale).toEqual({ factor: 0.001, basis: 'units', sourceUnit: 'mm' });
    const mobile = artefact.derivatives.find((derivative) => derivative.profile === 'mobile')!;
    // Named by its content: a cache can never pair this manifest with another version's file.
    expect(mobile.url).toBe(`mobile.${mobile.sha256.slice(0, 12)}.glb`);
    const glb = new Uint8Array(readFileSync(path.join(collection, 'clay-box', mobile.url)));
    expect(glb.byteLength).toBe(mobile.bytes);
    expect((await validateGlb(glb, mobile.url)).errors).toEqual([]);
    const index = collectionSchema.parse(readJson(path.join(collection, 'index.json')));
    expect(index.artefacts.map((entry) => entry.id)).toEqual(['clay-box']);
    expect(index.artefacts[0]!.manifest).toBe('clay-box/artefact.json');
    // Nothing is left behind beside the collection.
    expect(readdirSync(work).filter((name) => name.includes('staging'))).toEqual([]);
  });

  it('does nothing when the same source is ingested again with the same options, unless forced', async () => {
    const collection = path.join(work, 'again');
    await ingest({ file: boxFile, collection, id: 'box' });
    const before = snapshotFolder(collection);
    expect((await ingest({ file: boxFile, collection, id: 'box' })).status).toBe('unchanged');
    expect(snapshotFolder(collection)).toEqual(before);
    expect((await ingest({ file: boxFile, collection, id: 'box', force: true })).status).toBe('written');
    expect((await ingest({ file: boxFile, collection, id: 'box', title: 'Another title' })).status).toBe('written');
  });

  it('fails with a curator-readable error and leaves the collection exactly as it was', async () => {
    const collection = path.join(work, 'kept');
    await ingest({ file: boxFile, collection, id: 'box' });
    const before = snapshotFolder(collection);
    const broken = path.join(work, 'broken.glb');
    writeFileSync(broken, readFileSync(boxFile).subarray(0, 200));
    const failure = ingest({ file: broken, collection, id: 'box', force: true });
    await expect(failure).rejects.toBeInstanceOf(ScanError);
    await expect(failure).rejects.toThrow(/broken\.glb is truncated/);
    expect(snapshotFolder(collection)).toEqual(before);
  });

  it('keeps an editor’s save that lands while a re-ingest of the artefact is deriving', async () => {
    const collection = path.join(work, 'saved-meanwhile');
    const notes = path.join(work, 'notes.json');
    const document = (title: string) => ({
      schemaVersion: 1,
      layers: [{ id: 'notes', label: { en: 'Notes' }, colour: '#336699', visible: true }],
      annotations: [
        {
          id: 'lid',
          layer: 'notes',
          order: 0,
          target: { position: [0, 0.1, 0], normal: [0, 1, 0] },
          body: { title: { en: title }, text: { en: 'A note.' } },
        },
      ],
    });
    writeFileSync(notes, JSON.stringify(document('As ingested')));
    await ingest({ file: boxFile, collection, id: 'box', annotations: notes, size: { kind: 'units', unit: 'mm' } });
    const saved = path.join(collection, 'box/annotations.json');
    // The editor writes while the re-ingest derives (it holds no lock then); the ingest
    // must carry this version over, not the one it saw when it started.
    await ingest({
      file: boxFile,
      collection,
      id: 'box',
      size: { kind: 'units', unit: 'mm' },
      force: true,
      onStep: (step) => {
        if (step === 'derive desktop') writeFileSync(saved, JSON.stringify(document('Saved meanwhile')));
      },
    });
    const kept = readJson(saved) as ReturnType<typeof document>;
    expect(kept.annotations[0]!.body.title).toEqual({ en: 'Saved meanwhile' });
    expect(artefactSchema.parse(readJson(path.join(collection, 'box/artefact.json'))).annotations).toBe(
      'annotations.json',
    );
  });

  it('never modifies the source file', async () => {
    const before = readFileSync(boxFile);
    await ingest({ file: boxFile, collection: path.join(work, 'source'), force: true });
    expect(readFileSync(boxFile).equals(before)).toBe(true);
  });

  it('reads its own output: meshopt-compressed, quantized GLB in, same size out', async () => {
    const first = await ingest({
      file: boxFile,
      collection: path.join(work, 'round'),
      id: 'box',
      size: { kind: 'units', unit: 'mm' },
    });
    const mobile = first.artefact.derivatives.find((derivative) => derivative.profile === 'mobile')!;
    const compressed = path.join(work, 'round/box', mobile.url);
    const second = await ingest({ file: compressed, collection: path.join(work, 'round-again'), id: 'box' });
    expect(second.artefact.source.triangles).toBe(first.artefact.derivatives[0]!.triangles);
    for (const axis of ['width', 'height', 'depth'] as const) {
      expect(second.artefact.dimensions[axis]).toBeCloseTo(first.artefact.dimensions[axis], 3);
    }
  });

  it('derives every profile within budget, and follows the collection’s own budgets', async () => {
    const collection = path.join(work, 'configured');
    mkdirSync(collection, { recursive: true });
    writeFileSync(
      path.join(collection, 'vitrine.config.json'),
      JSON.stringify({ profiles: { thumb: { maxTriangles: 300 } } }),
    );
    const { artefact } = await ingest({ file: boxFile, collection, id: 'box' });
    expect(artefact.derivatives.map((derivative) => derivative.profile)).toEqual([
      'thumb',
      'mobile',
      'desktop',
      'vr',
      'ar',
      'android-ar',
    ]);
    const ar = artefact.derivatives.find((derivative) => derivative.profile === 'ar')!;
    expect(ar).toMatchObject({ url: expect.stringMatching(/^ar\.[0-9a-f]{12}\.usdz$/), container: 'usdz' });
    // Scene Viewer's GLB: Draco geometry, whatever the collection's own choice.
    const androidAr = artefact.derivatives.find((derivative) => derivative.profile === 'android-ar')!;
    const android = readFileSync(path.join(collection, 'box', androidAr.url));
    expect(android.toString('latin1')).toContain('KHR_draco_mesh_compression');
    expect(android.toString('latin1')).not.toContain('EXT_meshopt_compression');
    expect(
      readFileSync(path.join(collection, 'box', ar.url))
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
    const thumb = artefact.derivatives.find((derivative) => derivative.profile === 'thumb')!;
    expect(thumb.triangles).toBeLessThanOrEqual(300);
    expect(thumb.budget).toMatchObject({ maxTriangles: 300, met: true });
    for (const derivative of artefact.derivatives)
      expect(existsSync(path.join(collection, 'box', derivative.url))).toBe(true);
  });

  it('says what is wrong with a broken collection config', async () => {
    const collection = path.join(work, 'misconfigured');
    mkdirSync(collection, { recursive: true });
    writeFileSync(
      path.join(collection, 'vitrine.config.json'),
      JSON.stringify({ profiles: { thumb: { maxTriangles: -5 } } }),
    );
    await expect(ingest({ file: boxFile, collection })).rejects.toThrow(
      /vitrine\.config\.json: profiles\.thumb\.maxTriangles/,
    );
  });

  it('refuses an id that cannot be a folder name', async () => {
    await expect(ingest({ file: boxFile, collection: path.join(work, 'ids'), id: '../escape' })).rejects.toThrow(
      /cannot be an artefact id/,
    );
  });
});

describe.skipIf(!existsSync(SCANS))('ingest of the real scans in ../shared/scans (skipped when absent)', () => {
  const cases = [
    { file: 'bali-mask/mask-gltf-2.0_separated-valid.gltf', triangles: 100_000, textured: true, coloured: false },
    // The head's JPEGs lie beside the GLB but the GLB does not reference them.
    { file: 'lee-perry-smith/LeePerrySmith_draco.glb', triangles: 17_684, textured: false, coloured: false },
    { file: 'lee-perry-smith/LeePerrySmith.glb', triangles: 17_684, textured: false, coloured: false },
    {
      file: 'usnm-1145291/USNM_1145291-150k-2048-medium-100k-2048_draco.glb',
      triangles: 100_000,
      textured: true,
      coloured: false,
    },
    { file: 'bali-mask-obj/mask.obj', triangles: 100_000, textured: true, coloured: false },
    { file: '3dhop/laurana.ply', triangles: 50_000, textured: false, coloured: true },
    { file: '3dhop/gargo.ply', triangles: 50_000, textured: false, coloured: true },
  ];
  for (const scan of cases) {
    it(`ingests ${scan.file} with its texture or vertex colour, every derivative validator-clean`, async () => {
      const collection = path.join(work, 'real');
      const { artefact } = await ingest({ file: path.join(SCANS, scan.file), collection, force: true });
      expect(artefact.source.triangles).toBe(scan.triangles);
      for (const derivative of artefact.derivatives) {
        expect(derivative.budget?.met, `${derivative.profile} within budget`).toBe(true);
        if (derivative.container === 'usdz') continue; // checked by write/usdz tests
        const glb = new Uint8Array(readFileSync(path.join(collection, artefact.id, derivative.url)));
        expect((await validateGlb(glb, derivative.url)).errors, derivative.profile).toEqual([]);
        expect(derivative.textures.some((texture) => texture.slot.includes('baseColorTexture'))).toBe(scan.textured);
        if (scan.coloured) {
          const document = await (await getIO()).readBinary(glb);
          const primitive = document.getRoot().listMeshes()[0]!.listPrimitives()[0]!;
          expect(primitive.getAttribute('COLOR_0'), `${derivative.profile} keeps vertex colour`).not.toBeNull();
        }
      }
    }, 120_000);
  }
});
