import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { withCollectionLock } from '@vitrine/pipeline';
import { UsageError } from '../output.js';
import { appBuildFolder } from './app-build.js';
import { copyCollection } from './copy-collection.js';
import { requireCollection } from './require-collection.js';

/** Left in every site this writes, so a later build may replace it and nothing else. */
const SITE_MARKER = '.vitrine-site';

export interface BuiltSite {
  folder: string;
  artefacts: number;
}

/**
 * Writes a static site (the built app, the collection under collection/) that any web
 * server or object store can host. It is put together beside `out` and renamed into place,
 * so `out` is either the previous site or the whole new one, never half of either; a
 * folder that is not a previous site is never overwritten.
 */
export async function buildSite(options: {
  collection: string | undefined;
  out: string | undefined;
  /** A built app to use instead of the repository's (tests; a packaged CLI that ships one). */
  app?: string;
  log?: (line: string) => void;
}): Promise<BuiltSite> {
  const { folder: collection, index } = await requireCollection(options.collection);
  if (!options.out) throw new UsageError('name the folder to write with --out, e.g. --out site');
  const out = path.resolve(options.out);
  if (isInside(out, collection) || isInside(collection, out)) {
    throw new UsageError('--out must be outside the collection folder, and the collection outside it');
  }
  if (existsSync(out) && (await readdir(out)).length > 0 && !existsSync(path.join(out, SITE_MARKER))) {
    throw new UsageError(
      `${options.out} is not empty and was not written by "vitrine build"; choose an empty or new folder`,
    );
  }
  const app = options.app ?? (await appBuildFolder(options.log));
  const suffix = randomBytes(4).toString('hex');
  const staging = `${out}.building-${suffix}`;
  try {
    await cp(app, staging, { recursive: true });
    // Copied under the collection lock: an ingest or an editor's save that runs meanwhile
    // lands before or after the copy, never half in it.
    await withCollectionLock(
      collection,
      () =>
        copyCollection(collection, path.join(staging, 'collection'), (relative) =>
          options.log?.(`left out ${relative}, a link leading out of the collection (copy the file in to build it)`),
        ),
      { readOnly: true },
    );
    await writeFile(
      path.join(staging, SITE_MARKER),
      'Written by "vitrine build"; a later build replaces this folder.\n',
    );
    const previous = `${out}.previous-${suffix}`;
    if (existsSync(out)) await rename(out, previous);
    await rename(staging, out);
    await rm(previous, { recursive: true, force: true });
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  return { folder: out, artefacts: index.artefacts.length };
}

function isInside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}
