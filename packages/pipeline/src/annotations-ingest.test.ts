import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { annotationMediaFiles, annotationsDocumentSchema, artefactSchema, DEFAULT_PROFILES } from '@vitrine/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ScanError } from './errors.js';
import { ingest } from './ingest.js';
import { getIO } from './io.js';
import { sha256 } from './sha256.js';
import { snapshotFolder } from './testing/collection-snapshot.js';
import { makeBoxDocument } from './testing/fixtures.js';

let work: string;
let boxFile: string;
// One light profile: these tests are about the annotations, not the derivatives.
const profiles = [DEFAULT_PROFILES.mobile!];

/** A valid document for the 1 m box standing on y = 0 that the ingest makes of the fixture. */
function annotationsFor(title = 'The lid', position: [number, number, number] = [0, 1, 0]) {
  return {
    schemaVersion: 1,
    layers: [{ id: 'notes', label: { en: 'Notes', fr: 'Notes' }, colour: '#7a3b1d', visible: true }],
    annotations: [
      {
        id: 'lid',
        layer: 'notes',
        order: 0,
        target: { position, normal: [0, 1, 0] },
        body: { title: { en: title }, text: { en: 'A *flat* lid.' } },
      },
    ],
  };
}

const hash12 = (text: string) => sha256(text).slice(0, 12);

/** The media the artefact's annotations.json names, by name, with their text: each must exist. */
function writtenMedia(collection: string): Record<string, string> {
  const folder = path.join(collection, 'box');
  const document = annotationsDocumentSchema.parse(
    JSON.parse(readFileSync(path.join(folder, 'annotations.json'), 'utf8')),
  );
  return Object.fromEntries(
    annotationMediaFiles(document).map((file) => [file, readFileSync(path.join(folder, file), 'utf8')]),
  );
}

function writeJson(name: string, value: unknown): string {
  const file = path.join(work, name);
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
  return file;
}

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'vitrine-annotations-'));
  boxFile = path.join(work, 'box.glb');
  const { document } = makeBoxDocument({ size: 0.5, segments: 2 });
  writeFileSync(boxFile, await (await getIO()).writeBinary(document));
});

describe('ingest --annotations', () => {
  it('copies the validated document into the artefact as annotations.json and names it in the manifest', async () => {
    const collection = path.join(work, 'with');
    const annotations = writeJson('notes.json', annotationsFor());
    const result = await ingest({ file: boxFile, collection, id: 'box', profiles, annotations });
    expect(result.artefact.annotations).toBe('annotations.json');
    const manifest = artefactSchema.parse(JSON.parse(readFileSync(path.join(collection, 'box/artefact.json'), 'utf8')));
    expect(manifest.annotations).toBe('annotations.json');
    const copied = annotationsDocumentSchema.parse(
      JSON.parse(readFileSync(path.join(collection, 'box/annotations.json'), 'utf8')),
    );
    expect(copied.annotations[0]!.body.title).toEqual({ en: 'The lid' });
    expect(result.artefact.warnings).toEqual([]);
  });

  it('re-ingests when the annotations change, not when the same content moves', async () => {
    const collection = path.join(work, 'key');
    const first = writeJson('first.json', annotationsFor());
    await ingest({ file: boxFile, collection, id: 'box', profiles, annotations: first });
    const moved = writeJson('moved.json', annotationsFor());
    expect((await ingest({ file: boxFile, collection, id: 'box', profiles, annotations: moved })).status).toBe(
      'unchanged',
    );
    const edited = writeJson('edited.json', annotationsFor('The lid, restored'));
    expect((await ingest({ file: boxFile, collection, id: 'box', profiles, annotations: edited })).status).toBe(
      'written',
    );
    expect(readFileSync(path.join(collection, 'box/annotations.json'), 'utf8')).toContain('The lid, restored');
    // Without --annotations, a re-ingest keeps what the artefact has, as the editor of
    // `vitrine serve --edit` left it in the artefact's folder.
    writeFileSync(
      path.join(collection, 'box/annotations.json'),
      JSON.stringify(annotationsFor('Edited in the editor')),
    );
    const { artefact } = await ingest({ file: boxFile, collection, id: 'box', profiles, force: true });
    expect(artefact.annotations).toBe('annotations.json');
    expect(readFileSync(path.join(collection, 'box/annotations.json'), 'utf8')).toContain('Edited in the editor');
  });

  it('refuses a broken file with one line naming it and the problem, leaving the collection as it was', async () => {
    const collection = path.join(work, 'refused');
    await ingest({ file: boxFile, collection, id: 'box', profiles });
    const before = snapshotFolder(collection);
    const document = annotationsFor();
    document.annotations[0]!.layer = 'missing';
    const cases: [string, unknown, RegExp][] = [
      ['layer.json', document, /^annotations file layer\.json: annotations\[0\]\.layer: layer "missing" is not/],
      ['syntax.json', '{ "schemaVersion": 1,', /^annotations file syntax\.json is not valid JSON: /],
      ['version.json', { ...annotationsFor(), schemaVersion: 9 }, /^annotations file version\.json: schemaVersion: /],
    ];
    for (const [name, content, message] of cases) {
      const failure = ingest({ file: boxFile, collection, id: 'box', profiles, annotations: writeJson(name, content) });
      await expect(failure).rejects.toBeInstanceOf(ScanError);
      await expect(failure).rejects.toThrow(message);
      await failure.catch((error: Error) => expect(error.message).not.toContain('\n'));
    }
    await expect(
      ingest({ file: boxFile, collection, id: 'box', profiles, annotations: path.join(work, 'absent.json') }),
    ).rejects.toThrow('annotations file absent.json cannot be read: it does not exist');
    expect(snapshotFolder(collection)).toEqual(before);
  });

  it('copies the images, recordings and captions it names from beside it, and refuses missing ones', async () => {
    const collection = path.join(work, 'media');
    const document = annotationsFor();
    const body = document.annotations[0]!.body as Record<string, unknown>;
    body.image = { url: 'images/lid.svg', alt: { en: 'The lid from above' } };
    body.audio = { url: 'tap.wav', captions: 'tap.vtt' };
    mkdirSync(path.join(work, 'images'), { recursive: true });
    writeFileSync(path.join(work, 'images/lid.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    writeFileSync(path.join(work, 'tap.wav'), 'RIFF');
    const annotations = writeJson('with-media.json', document);
    await expect(ingest({ file: boxFile, collection, id: 'box', profiles, annotations })).rejects.toThrow(
      'annotations file with-media.json names tap.vtt, which cannot be read beside it',
    );
    writeFileSync(path.join(work, 'tap.vtt'), 'WEBVTT\n');
    await ingest({ file: boxFile, collection, id: 'box', profiles, annotations });
    const before = writtenMedia(collection);
    expect(Object.keys(before)).toEqual([
      `images/lid.${hash12('<svg xmlns="http://www.w3.org/2000/svg"/>')}.svg`,
      `tap.${hash12('RIFF')}.wav`,
      `tap.${hash12('WEBVTT\n')}.vtt`,
    ]);
    expect(Object.values(before)).toEqual(['<svg xmlns="http://www.w3.org/2000/svg"/>', 'RIFF', 'WEBVTT\n']);
    // A changed image is a changed artefact, and a new name: a cache never pairs it with the old.
    writeFileSync(path.join(work, 'images/lid.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="1"/>');
    expect((await ingest({ file: boxFile, collection, id: 'box', profiles, annotations })).status).toBe('written');
    const after = writtenMedia(collection);
    expect(Object.keys(after)[0]).not.toBe(Object.keys(before)[0]);
    expect(Object.keys(after).slice(1)).toEqual(Object.keys(before).slice(1));

    // Named like a derivative, a medium still cannot take the derivative's place: its name carries its own bytes' hash.
    body.audio = { url: 'mobile.glb', captions: 'tap.vtt' };
    writeFileSync(path.join(work, 'mobile.glb'), 'not a model');
    await ingest({ file: boxFile, collection, id: 'box', profiles, annotations: writeJson('clash.json', document) });
    expect(Object.keys(writtenMedia(collection))).toContain(`mobile.${hash12('not a model')}.glb`);
    const manifest = artefactSchema.parse(JSON.parse(readFileSync(path.join(collection, 'box/artefact.json'), 'utf8')));
    const derivative = manifest.derivatives[0]!;
    expect(sha256(readFileSync(path.join(collection, 'box', derivative.url)))).toBe(derivative.sha256);
  });

  it('keeps the hashed names of annotations a re-ingest carries over, and the files they name', async () => {
    const collection = path.join(work, 'carried');
    const document = annotationsFor();
    (document.annotations[0]!.body as Record<string, unknown>).image = { url: 'lid.png', alt: { en: 'The lid' } };
    writeFileSync(path.join(work, 'lid.png'), 'PNG bytes');
    const annotations = writeJson('carried.json', document);
    await ingest({ file: boxFile, collection, id: 'box', profiles, annotations });
    const first = writtenMedia(collection);
    expect(Object.keys(first)).toEqual([`lid.${hash12('PNG bytes')}.png`]);
    // Without --annotations the artefact's own annotations.json, naming hashed files, is read and written again.
    await ingest({ file: boxFile, collection, id: 'box', profiles, force: true });
    expect(writtenMedia(collection)).toEqual(first);
  });

  it('gives content-hashed names to the media of annotations carried over from a collection made before them', async () => {
    const collection = path.join(work, 'older');
    const document = annotationsFor();
    (document.annotations[0]!.body as Record<string, unknown>).image = { url: 'lid.png', alt: { en: 'The lid' } };
    writeFileSync(path.join(work, 'lid.png'), 'old PNG');
    await ingest({ file: boxFile, collection, id: 'box', profiles, annotations: writeJson('older.json', document) });
    // As an older vitrine (or a curator by hand) left it: the medium under its plain name.
    const folder = path.join(collection, 'box');
    writeFileSync(path.join(folder, 'lid.png'), 'old PNG');
    writeFileSync(path.join(folder, 'annotations.json'), JSON.stringify(document));
    await ingest({ file: boxFile, collection, id: 'box', profiles, force: true });
    expect(writtenMedia(collection)).toEqual({ [`lid.${hash12('old PNG')}.png`]: 'old PNG' });
    // The carried document keeps its text, and the plain-named copy is gone with the old folder.
    expect(
      annotationsDocumentSchema.parse(JSON.parse(readFileSync(path.join(folder, 'annotations.json'), 'utf8')))
        .annotations[0]!.body.title,
    ).toEqual({ en: 'The lid' });
    expect(() => readFileSync(path.join(folder, 'lid.png'))).toThrow();
  });

  it('warns about a point that cannot be on the artefact (another unit, or the scan before normalizing)', async () => {
    const annotations = writeJson('millimetres.json', annotationsFor('The lid', [0, 1000, 0]));
    const { artefact } = await ingest({ file: boxFile, collection: path.join(work, 'far'), profiles, annotations });
    expect(artefact.warnings).toEqual([expect.stringMatching(/^millimetres\.json: annotation "lid" lies outside/)]);
  });
});
