import { describe, expect, it } from 'vitest';
import type { RemoteObject } from './list-remote-objects.js';
import type { HashedFile, PlannedFile } from './plan-upload.js';
import type { PublishResult } from './publish-folder.js';
import { publishJson, publishReport, type PublishReportContext } from './publish-report.js';

const context: PublishReportContext = {
  target: 's3://exhibits/site',
  folder: 'collection',
  prefix: 'site/',
  dryRun: false,
  deleteMissing: false,
  verbose: false,
};

function planned(sitePath: string, size: number): PlannedFile {
  const file: HashedFile = { sitePath, absolutePath: `/collection/${sitePath}`, size, md5: 'x' };
  return { file, key: `site/${sitePath}` };
}

function stored(count: number): RemoteObject[] {
  return Array.from({ length: count }, (_, index) => ({ key: `site/old/${index}.glb`, etag: 'x', size: 1 }));
}

function result(
  uploads: PlannedFile[],
  unchanged: number,
  notInFolder: RemoteObject[] = [],
  outsideLinks: string[] = [],
): PublishResult {
  const same = Array.from({ length: unchanged }, (_, index) => planned(`same/${index}.glb`, 1));
  return {
    plan: { uploads, unchanged: same, notInFolder },
    deleted: notInFolder.map((object) => object.key),
    outsideLinks,
  };
}

describe('publishReport', () => {
  it('sums up what was published and what was already there', () => {
    const lines = publishReport(result([planned('a.glb', 3_000_000), planned('b.glb', 400_000)], 40), context);
    expect(lines).toEqual(['published 2 files (3.40 MB) to s3://exhibits/site; 40 unchanged']);
  });

  it('says when there is nothing to publish, and why', () => {
    expect(publishReport(result([], 1), context)).toEqual([
      'nothing to publish: s3://exhibits/site is up to date (1 file unchanged)',
    ]);
    expect(publishReport(result([], 0), context)).toEqual(['nothing to publish: collection has no files']);
  });

  it('lists the first objects the folder no longer has, and how many more', () => {
    const lines = publishReport(result([], 1, stored(12)), context);
    expect(lines[1]).toBe(
      'kept 12 objects in s3://exhibits/site that collection no longer has (--delete removes them):',
    );
    expect(lines.slice(2, 4)).toEqual(['  old/0.glb', '  old/1.glb']);
    expect(lines.at(-1)).toBe('  … and 2 more (--verbose lists all)');
    expect(publishReport(result([], 1, stored(12)), { ...context, verbose: true })).toHaveLength(14);
  });

  it('counts what --delete deleted', () => {
    const lines = publishReport(result([], 1, stored(3)), { ...context, deleteMissing: true });
    expect(lines[1]).toBe('deleted 3 objects no longer in collection');
  });

  it('names the links it left out because they lead out of the folder', () => {
    const lines = publishReport(result([planned('a.glb', 10)], 0, [], ['amphora/poster.webp', 'shared']), context);
    expect(lines.slice(1)).toEqual([
      'left out 2 links leading out of collection (copy the files in to publish them):',
      '  amphora/poster.webp',
      '  shared',
    ]);
  });
});

describe('publishJson', () => {
  it('gives scripts the keys and sizes', () => {
    const summary = publishJson(result([planned('a.glb', 10)], 2, stored(1)), context);
    expect(summary).toMatchObject({
      target: 's3://exhibits/site',
      uploaded: [{ path: 'a.glb', key: 'site/a.glb', bytes: 10 }],
      uploadedBytes: 10,
      unchanged: 2,
      notInFolder: ['site/old/0.glb'],
      deleted: ['site/old/0.glb'],
      outsideLinks: [],
    });
  });
});
