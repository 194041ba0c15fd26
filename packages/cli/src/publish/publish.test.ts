import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishCommand } from '../commands/publish.js';
import type { Output } from '../output.js';
import { startS3rver, type S3rverFixture } from './testing/s3rver-fixture.js';

/**
 * `vitrine publish` against a real S3-compatible server (s3rver) on the loopback address, checked
 * with the SDK as any other client of the bucket would see it.
 */

const BUCKET = 'exhibits';
const TARGET = `s3://${BUCKET}/site`;

const JSON_TYPE = 'application/json; charset=utf-8';
const AN_HOUR = 'public, max-age=3600';
const A_YEAR = 'public, max-age=31536000, immutable';

/** The folder to publish: path inside it, bytes, and the Content-Type and Cache-Control its object must carry. */
const FILES = (
  [
    ['index.json', Buffer.from('{"artefacts":["amphora"]}'), JSON_TYPE, 'no-cache'],
    // Named by its content, as ingest names derivatives, posters and media.
    ['amphora/thumb.3f2a9c01b7de.glb', randomBytes(5_000), 'model/gltf-binary', A_YEAR],
    // Named as a collection ingested before names carried hashes.
    ['amphora/mobile.glb', randomBytes(70_000), 'model/gltf-binary', AN_HOUR],
    ['amphora/ar.usdz', randomBytes(20_000), 'model/vnd.usdz+zip', AN_HOUR],
    ['amphora/poster.webp', randomBytes(3_000), 'image/webp', AN_HOUR],
    ['Ölkrug mit Henkel/annotations.json', Buffer.from('{"title":"Ölkrug"}'), JSON_TYPE, 'no-cache'],
    ['assets/index-B3xk_9Qa.js', Buffer.from('export {};'), 'text/javascript; charset=utf-8', A_YEAR],
    ['empty.txt', Buffer.alloc(0), 'text/plain; charset=utf-8', AN_HOUR],
  ] as const
).map(([sitePath, bytes, type, cache]) => ({ sitePath, bytes, type, cache }));
/** What the tools leave lying around, and must never be published. */
const HIDDEN = ['.DS_Store', 'amphora/.mobile.glb.0a1b2c3d4e5f.tmp', '.git/HEAD'];

let work: string;
let folder: string;
let server: S3rverFixture;
let endpoint: string;
let client: S3Client;

function capture(): Output & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (line) => stdout.push(line), err: (line) => stderr.push(line), interactive: false };
}

async function publish(...options: string[]) {
  const output = capture();
  const code = await publishCommand([folder, '--to', TARGET, '--endpoint', endpoint, ...options], output);
  return { code, ...output };
}

async function publishJson(...options: string[]) {
  const { code, stdout, stderr } = await publish('--json', ...options);
  expect(stderr).toEqual([]);
  expect(code).toBe(0);
  return JSON.parse(stdout.join('\n')) as {
    uploaded: { path: string; key: string; bytes: number }[];
    unchanged: number;
    notInFolder: string[];
    deleted: string[];
  };
}

function writeLocal(sitePath: string, bytes: Buffer | string): void {
  const file = path.join(folder, sitePath);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, bytes);
}

async function storedKeys(): Promise<string[]> {
  const listing = await client.send(new ListObjectsV2Command({ Bucket: BUCKET }));
  return (listing.Contents ?? []).map((object) => object.Key!).sort();
}

async function storedBytes(key: string): Promise<Buffer> {
  const object = await client.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
  return Buffer.from(await object.Body!.transformToByteArray());
}

async function exists(key: string): Promise<boolean> {
  return client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key })).then(
    () => true,
    (error: { name?: string }) => (error.name === 'NotFound' ? false : Promise.reject(error)),
  );
}

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'vitrine-publish-'));
  folder = path.join(work, 'collection');
  for (const { sitePath, bytes } of FILES) writeLocal(sitePath, bytes);
  for (const sitePath of HIDDEN) writeLocal(sitePath, 'not for visitors');

  server = await startS3rver(work, [BUCKET]);
  ({ endpoint, client } = server);
});

afterAll(async () => {
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('vitrine publish', () => {
  it('uploads every file under the prefix with its content type, cache headers and exact bytes', async () => {
    const summary = await publishJson();
    expect(summary.uploaded.map((upload) => upload.path).sort()).toEqual(FILES.map((file) => file.sitePath).sort());
    expect(await storedKeys()).toEqual(FILES.map((file) => `site/${file.sitePath}`).sort());
    for (const { sitePath, bytes, type, cache } of FILES) {
      const head = await client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: `site/${sitePath}` }));
      expect(head.ContentType, sitePath).toBe(type);
      expect(head.CacheControl, sitePath).toBe(cache);
      expect((await storedBytes(`site/${sitePath}`)).equals(bytes), sitePath).toBe(true);
    }
  });

  it('uploads nothing the second time', async () => {
    const summary = await publishJson();
    expect(summary.uploaded).toEqual([]);
    expect(summary.unchanged).toBe(FILES.length);
    const { code, stdout } = await publish();
    expect(code).toBe(0);
    expect(stdout).toEqual([`nothing to publish: ${TARGET} is up to date (${FILES.length} files unchanged)`]);
  });

  it('uploads only the file that changed', async () => {
    const changed = randomBytes(21_000);
    writeLocal('amphora/ar.usdz', changed);
    const { code, stdout } = await publish('--verbose');
    expect(code).toBe(0);
    expect(stdout).toEqual([
      'uploaded amphora/ar.usdz (21.0 kB)',
      `published 1 file (21.0 kB) to ${TARGET}; ${FILES.length - 1} unchanged`,
    ]);
    expect((await storedBytes('site/amphora/ar.usdz')).equals(changed)).toBe(true);
  });

  it('lists what a dry run would upload, and uploads nothing', async () => {
    writeLocal('vase/mobile.glb', randomBytes(1_500));
    const { code, stdout } = await publish('--dry-run');
    expect(code).toBe(0);
    expect(stdout).toEqual([
      'would upload vase/mobile.glb (1.5 kB)',
      `would publish 1 file (1.5 kB) to ${TARGET}; ${FILES.length} unchanged`,
    ]);
    expect(await exists('site/vase/mobile.glb')).toBe(false);
    unlinkSync(path.join(folder, 'vase/mobile.glb'));
  });

  it('keeps objects the folder no longer has, and deletes them only with --delete', async () => {
    unlinkSync(path.join(folder, 'amphora/poster.webp'));
    const kept = await publish();
    expect(kept.code).toBe(0);
    expect(kept.stdout.slice(1)).toEqual([
      `kept 1 object in ${TARGET} that ${folder} no longer has (--delete removes them):`,
      '  amphora/poster.webp',
    ]);
    expect(await exists('site/amphora/poster.webp')).toBe(true);

    const dryRun = await publish('--delete', '--dry-run');
    expect(dryRun.stdout.slice(1)).toEqual([`would delete 1 object no longer in ${folder}:`, '  amphora/poster.webp']);
    expect(await exists('site/amphora/poster.webp')).toBe(true);

    const summary = await publishJson('--delete');
    expect(summary.deleted).toEqual(['site/amphora/poster.webp']);
    expect(await exists('site/amphora/poster.webp')).toBe(false);
    expect(await exists('site/amphora/mobile.glb')).toBe(true);
    writeLocal('amphora/poster.webp', FILES.find((file) => file.sitePath === 'amphora/poster.webp')!.bytes);
  });

  it('leaves out files reached through a link that leads out of the folder, and says so', async () => {
    writeFileSync(path.join(work, 'private.txt'), "the curator's own notes");
    symlinkSync(path.join(work, 'private.txt'), path.join(folder, 'amphora', 'notes.txt'));
    try {
      const { code, stdout } = await publish();
      expect(code).toBe(0);
      expect(stdout.slice(1)).toEqual([
        `left out 1 link leading out of ${folder} (copy the files in to publish them):`,
        '  amphora/notes.txt',
      ]);
      expect(await exists('site/amphora/notes.txt')).toBe(false);
    } finally {
      unlinkSync(path.join(folder, 'amphora', 'notes.txt'));
    }
  });

  it('says in one line, with exit 1, when credentials are missing, the bucket or the store is not there', async () => {
    const withoutKeys = await withEnvironment({ AWS_ACCESS_KEY_ID: undefined, AWS_SECRET_ACCESS_KEY: undefined }, () =>
      publish(),
    );
    // s3rver checks the access key but not SigV4 signatures, so a wrong secret key would pass here.
    const unknownKey = await withEnvironment({ AWS_ACCESS_KEY_ID: 'NOT-S3RVER' }, () => publish());
    const cases = [
      [withoutKeys, /no credentials .*AWS_ACCESS_KEY_ID/],
      [unknownKey, /does not know the access key in AWS_ACCESS_KEY_ID/],
      [await run([folder, '--to', 's3://no-such-bucket/site', '--endpoint', endpoint]), /no bucket "no-such-bucket"/],
      [await run([folder, '--to', TARGET, '--endpoint', 'http://127.0.0.1:1']), /cannot reach .*127\.0\.0\.1:1/],
      [await run([path.join(work, 'nowhere'), '--to', TARGET, '--endpoint', endpoint]), /there is no folder/],
    ] as const;
    for (const [{ code, stdout, stderr }, message] of cases) {
      expect(code, String(message)).toBe(1);
      expect(stderr, String(message)).toHaveLength(1);
      expect(stderr[0]).toMatch(/^vitrine publish: /);
      expect(stderr[0]).toMatch(message);
      expect(stdout).toEqual([]);
    }
  });

  it('says in one line, with exit 2, what is wrong with the command line', async () => {
    for (const argv of [
      [folder, '--to', 's3:/x'],
      [folder, '--to', 'http://127.0.0.1/exhibits'],
      [folder, '--to', TARGET, '--endpoint', 'localhost:9000'],
      [folder],
      ['--to', TARGET],
      [folder, '--to', TARGET, '--bogus'],
    ]) {
      const { code, stderr } = await run(argv);
      expect(code, argv.join(' ')).toBe(2);
      expect(stderr, argv.join(' ')).toHaveLength(1);
      expect(stderr[0]).toMatch(/^vitrine publish: /);
    }
  });
});

async function run(argv: string[]) {
  const output = capture();
  return { code: await publishCommand(argv, output), ...output };
}

async function withEnvironment<T>(changes: Record<string, string | undefined>, body: () => Promise<T>): Promise<T> {
  const before = Object.fromEntries(Object.keys(changes).map((name) => [name, process.env[name]]));
  const apply = (values: Record<string, string | undefined>) => {
    for (const [name, value] of Object.entries(values)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
  apply(changes);
  try {
    return await body();
  } finally {
    apply(before);
  }
}
