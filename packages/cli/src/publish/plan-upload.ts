import { isHiddenPath, type LocalFile } from './list-local-files.js';
import type { RemoteObject } from './list-remote-objects.js';

/** A local file with the MD5 of its bytes (hex). */
export interface HashedFile extends LocalFile {
  md5: string;
  /**
   * The bytes as read under the collection lock, for the documents (index, manifests,
   * annotations) an ingest or an editor may rewrite while a publish runs: what is uploaded
   * is the version that was hashed, of one moment, never a later one naming other files.
   */
  contents?: Uint8Array;
}

/** A local file and the key it is stored under. */
export interface PlannedFile {
  file: HashedFile;
  key: string;
}

export interface UploadPlan {
  /** New files, and files whose bytes differ from the stored object's. */
  uploads: PlannedFile[];
  /** Files the store already holds byte for byte. */
  unchanged: PlannedFile[];
  /** Objects under the prefix with no local file: reported, and deleted only when the curator asks. */
  notInFolder: RemoteObject[];
}

/**
 * What a publish has to do. A stored object is the same file when its size and ETag match the
 * file's size and MD5; a multipart ETag (`<hash>-<parts>`, from another tool) never matches, so
 * such an object is uploaded once more, in one part, and matches from then on.
 */
export function planUpload(
  files: readonly HashedFile[],
  remote: ReadonlyMap<string, RemoteObject>,
  prefix: string,
): UploadPlan {
  const plan: UploadPlan = { uploads: [], unchanged: [], notInFolder: [] };
  const localKeys = new Set<string>();
  for (const file of files) {
    const key = prefix + file.sitePath;
    localKeys.add(key);
    const stored = remote.get(key);
    const same = stored !== undefined && stored.size === file.size && stored.etag === file.md5;
    (same ? plan.unchanged : plan.uploads).push({ file, key });
  }
  for (const object of remote.values()) {
    if (localKeys.has(object.key)) continue;
    const sitePath = object.key.slice(prefix.length);
    // A folder marker ("x/", made by web consoles) is no file; hidden names are never published, so never ours to report.
    if (sitePath === '' || sitePath.endsWith('/') || isHiddenPath(sitePath)) continue;
    plan.notInFolder.push(object);
  }
  plan.notInFolder.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return plan;
}
