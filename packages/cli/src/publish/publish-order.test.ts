import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { CONTENT_HASH_LENGTH, isContentHashedName } from '@vitrine/core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { publishCommand } from '../commands/publish.js';
import { listLocalFiles } from './list-local-files.js';
import { filesNamedBy, writeApp, writeArtefact, writeIndex } from './testing/hashed-site.js';
import { startRecordingProxy, type RecordingProxy, type StoreWrite } from './testing/recording-proxy.js';
import { startS3rver, type S3rverFixture } from './testing/s3rver-fixture.js';

/**
 * The order of a publish against a real store (s3rver), seen from the store's side through
 * a proxy that records each write and can refuse one: every document goes up after the
 * files it names, so the bucket never holds a manifest naming a file that is missing or
 * of another version, whenever the publish stops.
 */

const BUCKET = 'exhibits';

let work: string;
let store: S3rverFixture;
let proxy: RecordingProxy;
/** The first version of a site; `updated` re-ingests amphora, adds tablet and drops bust. */
let first: string;
let updated: string;
/** The first version with only amphora's mobile derivative re-ingested. */
let reingested: string;

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function publish(folder: string, prefix: string, ...options: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const output = {
    out: (line: string) => stdout.push(line),
    err: (line: string) => stderr.push(line),
    interactive: false,
  };
  const argv = [folder, '--to', `s3://${BUCKET}/${prefix}`, '--endpoint', proxy.endpoint, ...options];
  proxy.writes.length = 0;
  const code = await publishCommand(argv, output);
  return { code, stdout, stderr, writes: [...proxy.writes] };
}

async function stored(prefix: string): Promise<Map<string, Buffer>> {
  const objects = new Map<string, Buffer>();
  const listing = await store.client.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: prefix }));
  for (const { Key } of listing.Contents ?? []) {
    const object = await store.client.send(new GetObjectCommand({ Bucket: BUCKET, Key: Key! }));
    objects.set(Key!, Buffer.from(await object.Body!.transformToByteArray()));
  }
  return objects;
}

/**
 * What is wrong with the bucket as a visitor would meet it: every stored index.json,
 * artefact.json and annotations.json must name objects that are there, with the sha256 the
 * manifest gives, and with the hash their name carries.
 */
async function inconsistencies(prefix: string): Promise<string[]> {
  const objects = await stored(prefix);
  const problems: string[] = [];
  for (const [key, bytes] of objects) {
    for (const named of filesNamedBy(key, bytes.toString('utf8'))) {
      const content = objects.get(named.key);
      if (!content) problems.push(`${key} names ${named.key}, which is not there`);
      else if (named.sha256 && sha256(content) !== named.sha256)
        problems.push(`${key} names ${named.key}: other bytes`);
      else if (
        isContentHashedName(named.key) &&
        !named.key.includes(`.${sha256(content).slice(0, CONTENT_HASH_LENGTH)}.`)
      )
        problems.push(`${named.key} does not hold the bytes its name says`);
    }
  }
  return problems;
}

const puts = (writes: readonly StoreWrite[]) =>
  writes.filter((write) => write.method === 'PUT' && write.status === 200);

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'vitrine-publish-order-'));
  first = path.join(work, 'first');
  writeApp(first);
  writeIndex(first, [writeArtefact(first, 'amphora'), writeArtefact(first, 'bust')]);
  updated = path.join(work, 'updated');
  writeApp(updated);
  writeIndex(updated, [writeArtefact(updated, 'amphora', 2), writeArtefact(updated, 'tablet')]);
  reingested = path.join(work, 'reingested');
  writeApp(reingested);
  writeIndex(reingested, [writeArtefact(reingested, 'amphora', 2), writeArtefact(reingested, 'bust')]);

  store = await startS3rver(work, [BUCKET]);
  proxy = await startRecordingProxy(store.endpoint);
});

afterAll(async () => {
  await proxy?.close();
  await store?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('the order of vitrine publish', () => {
  it('uploads every file before the documents that name it, index.json after the manifests, pages last', async () => {
    const { code, writes } = await publish(first, 'ordered/');
    expect(code).toBe(0);
    const uploads = puts(writes);
    expect(uploads).toHaveLength((await listLocalFiles(first)).length);
    const byKey = new Map(uploads.map((write) => [write.key, write]));
    const checked: string[] = [];
    for (const document of uploads) {
      const text = readFileSync(path.join(first, document.key.slice('ordered/'.length)), 'utf8');
      for (const named of filesNamedBy(document.key, text)) {
        expect(byKey.get(named.key)!.finished, `${named.key} done before ${document.key} starts`).toBeLessThan(
          document.started,
        );
        checked.push(named.key);
      }
    }
    // Derivatives, posters and media named by manifests, manifests and posters by the index: 2 × 7 + 2 × 2.
    expect(checked).toHaveLength(18);
    const lastOfOthers = Math.max(
      ...uploads.filter((write) => !/(\.html|sw\.js)$/.test(write.key)).map((write) => write.finished),
    );
    for (const page of ['ordered/index.html', 'ordered/sw.js']) {
      expect(byKey.get(page)!.started, page).toBeGreaterThan(lastOfOthers);
    }
  });

  it('after a re-ingest of one artefact, uploads only its new derivative and its manifest', async () => {
    expect((await publish(first, 'reingest/')).code).toBe(0);
    const { code, stdout, writes } = await publish(reingested, 'reingest/', '--json', '--delete');
    expect(code).toBe(0);
    const summary = JSON.parse(stdout.join('\n')) as { uploaded: { path: string }[]; deleted: string[] };
    const newMobile = derivativeUrl(reingested, 'amphora', 'mobile');
    const oldMobile = derivativeUrl(first, 'amphora', 'mobile');
    expect(summary.uploaded.map((upload) => upload.path).sort()).toEqual([
      'collection/amphora/artefact.json',
      `collection/amphora/${newMobile}`,
    ]);
    // The old derivative goes only once the manifest naming the new one is up.
    expect(summary.deleted).toEqual([`reingest/collection/amphora/${oldMobile}`]);
    const [derivative, manifest, deletion] = writes;
    expect([derivative?.key, manifest?.key, deletion?.method]).toEqual([
      `reingest/collection/amphora/${newMobile}`,
      'reingest/collection/amphora/artefact.json',
      'DELETE',
    ]);
    expect(derivative!.finished).toBeLessThan(manifest!.started);
    expect(manifest!.finished).toBeLessThan(deletion!.started);
    expect(await inconsistencies('reingest/')).toEqual([]);
  });

  it('leaves every stored document naming files that are there, with their bytes, whichever upload fails', async () => {
    // The curator reads the command's one line, not the SDK's warnings besides it.
    const console = vi.spyOn(globalThis.console, 'warn');
    const uploadCount = (await listLocalFiles(first)).length;
    for (let k = 1; k <= uploadCount; k++) {
      proxy.failPut(k);
      const failed = await publish(first, `first-${k}/`);
      expect(failed.code, `failing upload ${k}`).toBe(1);
      expect(failed.stderr, `failing upload ${k}`).toEqual([
        expect.stringMatching(/^vitrine publish: these credentials may not list and write /),
      ]);
      expect(await inconsistencies(`first-${k}/`), `failing upload ${k} of the first publish`).toEqual([]);
    }
    proxy.failPut(0);
    expect(console).not.toHaveBeenCalled();
    console.mockRestore();
  });

  it('keeps the version stored before an update whole, whichever upload of the update fails, and deletes nothing', async () => {
    const prefix = (k: number) => `update-${k}/`;
    let uploads = 0;
    for (let k = 1; uploads === 0 || k <= uploads; k++) {
      proxy.failPut(0);
      expect((await publish(first, prefix(k))).code).toBe(0);
      const before = await stored(prefix(k));
      proxy.failPut(k);
      const failed = await publish(updated, prefix(k), '--delete');
      proxy.failPut(0);
      expect(failed.code, `failing upload ${k}`).toBe(1);
      expect(
        failed.writes.filter((write) => write.method === 'DELETE'),
        `failing upload ${k}`,
      ).toEqual([]);
      expect(await inconsistencies(prefix(k)), `failing upload ${k} of the update`).toEqual([]);
      // Nothing of the first version is gone or changed but the documents the update replaced.
      const after = await stored(prefix(k));
      for (const [key, bytes] of before) {
        if (!/\.json$/.test(key)) expect(after.get(key)?.equals(bytes), key).toBe(true);
      }
      // Publishing again finishes the update, and only then removes what it no longer has.
      const again = await publish(updated, prefix(k), '--delete');
      expect(again.code).toBe(0);
      uploads ||= puts(failed.writes).length + puts(again.writes).length;
      const lastPut = Math.max(...puts(again.writes).map((write) => write.finished));
      const deletions = again.writes.filter((write) => write.method === 'DELETE');
      expect(deletions.length).toBeGreaterThan(0);
      expect(Math.min(...deletions.map((write) => write.started))).toBeGreaterThan(lastPut);
      expect(await inconsistencies(prefix(k))).toEqual([]);
    }
    // amphora's new mobile derivative and manifest, tablet's eight files, index.json.
    expect(uploads).toBe(11);
  });
});

/** The name under which a site's artefact keeps the derivative of `profile`. */
function derivativeUrl(site: string, id: string, profile: string): string {
  const manifest = JSON.parse(readFileSync(path.join(site, 'collection', id, 'artefact.json'), 'utf8')) as {
    derivatives: { profile: string; url: string }[];
  };
  return manifest.derivatives.find((derivative) => derivative.profile === profile)!.url;
}
