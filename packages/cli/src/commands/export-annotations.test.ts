import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webAnnotationShapeProblems } from '../annotations-export/testing/web-annotation-shape.js';
import { sampleAnnotationsDocument, writeTestCollection } from '../annotations-export/testing/write-test-collection.js';
import type { Output } from '../output.js';
import { EXPORT_ANNOTATIONS_HELP, exportAnnotationsCommand } from './export-annotations.js';

function capture(): Output & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (line) => stdout.push(line), err: (line) => stderr.push(line), interactive: false };
}

async function run(argv: string[]) {
  const output = capture();
  const code = await exportAnnotationsCommand(argv, output);
  return { code, stdout: output.stdout.join('\n'), stderr: output.stderr };
}

const second = {
  schemaVersion: 1,
  layers: [{ id: 'notes', label: { en: 'Notes' }, colour: '#333333' }],
  annotations: [
    {
      id: 'rim',
      layer: 'notes',
      order: 0,
      target: { position: [0, 0.2, 0], normal: [0, 1, 0] },
      body: { title: { en: 'Rim' }, text: { en: 'Chipped.' } },
    },
  ],
};

let collection: string;

beforeAll(async () => {
  collection = await writeTestCollection([
    { id: 'amphora', title: { en: 'Amphora' }, annotations: sampleAnnotationsDocument() },
    { id: 'bare' },
    { id: 'bowl', annotations: second },
  ]);
});

afterAll(async () => {
  await rm(path.dirname(collection), { recursive: true, force: true });
});

describe('vitrine export-annotations', () => {
  it('prints every artefact’s annotations as one Web Annotation collection', async () => {
    const { code, stdout, stderr } = await run([collection]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: [] });
    const exported = JSON.parse(stdout);
    expect(webAnnotationShapeProblems(exported)).toEqual([]);
    expect(exported.total).toBe(3);
    expect(exported.first.items.map((item: { id: string }) => item.id)).toEqual([
      'urn:vitrine:annotation:amphora:crack',
      'urn:vitrine:annotation:amphora:handle',
      'urn:vitrine:annotation:bowl:rim',
    ]);
    expect(exported['vitrine:layers']).toHaveLength(3);
  });

  it('exports one artefact with --artefact, named after the published files with --base', async () => {
    const { code, stdout } = await run([collection, '--artefact', 'bowl', '--base', 'https://museum.example/c']);
    expect(code).toBe(0);
    const exported = JSON.parse(stdout);
    expect(webAnnotationShapeProblems(exported)).toEqual([]);
    expect(exported.id).toBe('https://museum.example/c/index.json#annotations=bowl');
    expect(exported.first.items).toHaveLength(1);
    expect(exported.first.items[0].target.source).toBe('https://museum.example/c/bowl/artefact.json');
  });

  it('exports an empty collection for an artefact without annotations', async () => {
    const { code, stdout } = await run([collection, '--artefact', 'bare']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ total: 0, 'vitrine:layers': [] });
  });

  it('writes --out atomically, leaving no temporary file', async () => {
    const out = path.join(path.dirname(collection), 'annotations.jsonld');
    const { code, stdout } = await run([collection, '--out', out]);
    expect(code).toBe(0);
    expect(stdout).toBe(`${out}: 3 annotations of 2 artefacts`);
    expect(webAnnotationShapeProblems(JSON.parse(await readFile(out, 'utf8')))).toEqual([]);
    expect((await readdir(path.dirname(out))).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('says in one line what is wrong, exit 1', async () => {
    const missing = await run([path.join(collection, 'nope')]);
    expect(missing).toMatchObject({ code: 1, stdout: '' });
    expect(missing.stderr).toEqual([`vitrine export-annotations: ${path.join(collection, 'nope')} is not a folder`]);

    const noIndex = await run([path.join(collection, 'bare')]);
    expect(noIndex.stderr[0]).toMatch(/has no index\.json, so it is not a vitrine collection$/);

    const unknown = await run([collection, '--artefact', 'vase']);
    expect(unknown).toMatchObject({
      code: 1,
      stderr: [`vitrine export-annotations: ${collection} has no artefact "vase"`],
    });

    const unwritable = await run([collection, '--out', path.join(collection, 'no-such-folder', 'out.jsonld')]);
    expect(unwritable.stderr[0]).toMatch(/cannot write .*out\.jsonld: its folder does not exist$/);
  });

  it('names the invalid annotations file and the field', async () => {
    const document = sampleAnnotationsDocument() as { annotations: { target: { normal: number[] } }[] };
    document.annotations[1]!.target.normal = [0, 0, 0];
    const broken = await writeTestCollection([
      { id: 'amphora', annotations: document },
      { id: 'garbled', annotations: '{ "schemaVersion": 1,' },
    ]);
    try {
      const invalid = await run([broken, '--artefact', 'amphora']);
      expect(invalid).toMatchObject({ code: 1, stdout: '' });
      expect(invalid.stderr).toEqual([
        `vitrine export-annotations: ${path.join(broken, 'amphora', 'annotations.json')}: annotations[1].target.normal: the normal must not be the zero vector`,
      ]);
      const garbled = await run([broken, '--artefact', 'garbled']);
      expect(garbled.stderr[0]).toContain(`${path.join(broken, 'garbled', 'annotations.json')} is not valid JSON:`);
    } finally {
      await rm(path.dirname(broken), { recursive: true, force: true });
    }
  });

  it('refuses a wrong command line with a usage error', async () => {
    await expect(run([])).rejects.toThrow('name the collection folder');
    await expect(run([collection, collection])).rejects.toThrow('one too many');
    await expect(run([collection, '--base', 'museum.example'])).rejects.toThrow('--base must be an absolute URL');
    const help = await run(['--help']);
    expect(help).toMatchObject({ code: 0, stdout: EXPORT_ANNOTATIONS_HELP });
  });
});
