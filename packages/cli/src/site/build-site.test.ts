import { existsSync } from 'node:fs';
import { lstat, mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildSite } from './build-site.js';

let folder: string;
let app: string;
let collection: string;

beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'vitrine-build-'));
  app = path.join(folder, 'app');
  collection = path.join(folder, 'collection');
  await mkdir(path.join(app, 'assets'), { recursive: true });
  await mkdir(path.join(collection, 'amphora'), { recursive: true });
  await mkdir(path.join(collection, '.staging-bust'), { recursive: true });
  await writeFile(path.join(app, 'index.html'), 'app');
  await writeFile(path.join(app, 'assets', 'index-AbCd1234.js'), 'export {};');
  await writeFile(path.join(collection, 'index.json'), '{"schemaVersion":1,"artefacts":[]}');
  await writeFile(path.join(collection, 'amphora', 'mobile.glb'), 'glb');
  await writeFile(path.join(collection, '.staging-bust', 'mobile.glb'), 'half written');
});

afterEach(() => rm(folder, { recursive: true, force: true }));

describe('buildSite', () => {
  it('writes the app with the collection under collection/, leaving staging folders out', async () => {
    const out = path.join(folder, 'site');
    await buildSite({ collection, out, app });
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toBe('app');
    expect(await readFile(path.join(out, 'collection', 'amphora', 'mobile.glb'), 'utf8')).toBe('glb');
    expect(existsSync(path.join(out, 'collection', 'index.json'))).toBe(true);
    expect(existsSync(path.join(out, 'collection', '.staging-bust'))).toBe(false);
    // Nothing left beside the site.
    expect((await readdir(folder)).sort()).toEqual(['app', 'collection', 'site']);
  });

  it('leaves out symbolic links out of the collection, and copies those inside as files', async () => {
    const outside = path.join(folder, 'private');
    await mkdir(outside);
    await writeFile(path.join(outside, 'secret.txt'), 'outside');
    await symlink(path.join(outside, 'secret.txt'), path.join(collection, 'amphora', 'poster.webp'));
    await symlink('../../private/secret.txt', path.join(collection, 'amphora', 'notes.txt'));
    await symlink(outside, path.join(collection, 'amphora', 'images'));
    await symlink('mobile.glb', path.join(collection, 'amphora', 'alias.glb'));
    await mkdir(path.join(collection, 'shared'));
    await writeFile(path.join(collection, 'shared', 'map.webp'), 'map');
    await symlink(path.join(collection, 'shared'), path.join(collection, 'amphora', 'shared'));
    // A link back up the tree: its folder is being copied already, and would be forever.
    await symlink(collection, path.join(collection, 'amphora', 'loop'));
    const out = path.join(folder, 'site');
    const log: string[] = [];
    await buildSite({ collection, out, app, log: (line) => log.push(line) });
    const built = path.join(out, 'collection', 'amphora');
    expect((await readdir(built)).sort()).toEqual(['alias.glb', 'mobile.glb', 'shared']);
    expect(await readFile(path.join(built, 'alias.glb'), 'utf8')).toBe('glb');
    expect((await lstat(path.join(built, 'alias.glb'))).isSymbolicLink()).toBe(false);
    expect(await readFile(path.join(built, 'shared', 'map.webp'), 'utf8')).toBe('map');
    expect(log.sort()).toEqual(
      ['amphora/images', 'amphora/notes.txt', 'amphora/poster.webp'].map(
        (relative) => `left out ${relative}, a link leading out of the collection (copy the file in to build it)`,
      ),
    );
  });

  it('replaces a site it wrote before, whole', async () => {
    const out = path.join(folder, 'site');
    await buildSite({ collection, out, app });
    await rm(path.join(collection, 'amphora'), { recursive: true });
    await buildSite({ collection, out, app });
    expect(existsSync(path.join(out, 'collection', 'amphora'))).toBe(false);
    expect((await readdir(folder)).sort()).toEqual(['app', 'collection', 'site']);
  });

  it('never writes over a folder it did not write, or into the collection', async () => {
    const other = path.join(folder, 'documents');
    await mkdir(other);
    await writeFile(path.join(other, 'letter.txt'), 'keep me');
    await expect(buildSite({ collection, out: other, app })).rejects.toThrow(/not empty and was not written/);
    expect(await readFile(path.join(other, 'letter.txt'), 'utf8')).toBe('keep me');
    await expect(buildSite({ collection, out: path.join(collection, 'site'), app })).rejects.toThrow(/outside/);
    await expect(buildSite({ collection, out: folder, app })).rejects.toThrow(/outside/);
  });

  it('says what to do with a folder that is not a collection', async () => {
    await expect(buildSite({ collection: app, out: path.join(folder, 'site'), app })).rejects.toThrow(
      /has no index.json.*vitrine ingest/,
    );
    await expect(buildSite({ collection: path.join(folder, 'missing'), out: 'x', app })).rejects.toThrow(
      /is not a folder/,
    );
  });
});
