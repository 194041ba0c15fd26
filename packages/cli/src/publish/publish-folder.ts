import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { withCollectionLock } from '@vitrine/pipeline';
import { createS3Client } from './create-s3-client.js';
import { deleteObjects } from './delete-objects.js';
import { describeS3Error } from './describe-s3-error.js';
import { listLocalFiles } from './list-local-files.js';
import { listRemoteObjects } from './list-remote-objects.js';
import { mapConcurrently } from './map-concurrently.js';
import { md5OfFile } from './md5-of-file.js';
import { formatS3Target, type S3Target } from './parse-s3-target.js';
import { planUpload, type HashedFile, type PlannedFile, type UploadPlan } from './plan-upload.js';
import { PublishError } from './publish-error.js';
import { uploadFiles } from './upload-files.js';
import { uploadsInStages } from './upload-order.js';

export interface PublishOptions {
  /** The folder to publish: a collection, or a built site. */
  folder: string;
  target: S3Target;
  /** The store's address; undefined for AWS S3 itself. */
  endpoint: string | undefined;
  /** Compare only; upload and delete nothing. */
  dryRun: boolean;
  /** Delete the objects under the prefix that have no file in the folder. */
  deleteMissing: boolean;
  /** Files hashed, sent or deleted at once. */
  concurrency: number;
  onUploaded?: (upload: PlannedFile) => void;
  onDeleted?: (key: string) => void;
}

export interface PublishResult {
  plan: UploadPlan;
  /** The keys deleted: none unless deleteMissing was asked for outside a dry run. */
  deleted: string[];
  /** Paths in the folder that are links leading out of it: never published. */
  outsideLinks: string[];
}

/**
 * Brings the objects under the target's prefix up to date with the folder: uploads what is new
 * or changed, and reports (or, when asked, deletes) what the folder no longer has. Failures the
 * curator can act on are thrown as PublishError, one line each.
 */
export async function publishFolder(options: PublishOptions): Promise<PublishResult> {
  const { folder, target, endpoint, concurrency } = options;
  await requireFolder(folder);
  const outsideLinks: string[] = [];
  const files = await hashLocalFiles(folder, concurrency, (sitePath) => outsideLinks.push(sitePath));
  outsideLinks.sort();
  if (options.deleteMissing && files.length === 0) {
    throw new PublishError(
      `${folder} has no files to publish; refusing to --delete everything in ${formatS3Target(target)}`,
    );
  }

  const client = createS3Client(endpoint);
  let uploadedCount = 0;
  let uploadCount = 0;
  try {
    const plan = planUpload(files, await listRemoteObjects(client, target), target.prefix);
    uploadCount = plan.uploads.length;
    if (options.dryRun) return { plan, deleted: [], outsideLinks };
    const onUploaded = (upload: PlannedFile) => {
      uploadedCount++;
      options.onUploaded?.(upload);
    };
    // Stage by stage (see uploadsInStages): a manifest goes up only once the files it names are there.
    for (const stage of uploadsInStages(plan.uploads)) {
      await uploadFiles(client, target.bucket, stage, { concurrency, onUploaded });
    }
    // Only now: until the new manifests were up, the old ones still named these objects.
    const deleted: string[] = [];
    if (options.deleteMissing) {
      const onDeleted = (key: string) => {
        deleted.push(key);
        options.onDeleted?.(key);
      };
      const keys = plan.notInFolder.map((object) => object.key);
      await deleteObjects(client, target.bucket, keys, onDeleted, concurrency);
    }
    return { plan, deleted, outsideLinks };
  } catch (error) {
    if (error instanceof PublishError) throw error;
    // What was stored stays stored; the next publish compares again and sends only the rest.
    const done = uploadedCount > 0 ? ` (${uploadedCount} of ${uploadCount} files were uploaded; publish again)` : '';
    throw new PublishError(describeS3Error(error, { target, endpoint }) + done);
  } finally {
    client.destroy();
  }
}

/**
 * Lists and hashes the folder's files. The listing and the JSON documents are read under
 * the collection lock, so they are of one moment even while an ingest or an editor works
 * on the collection; the files they name carry their content hash in their names, never
 * change under them, and are hashed after. A file an ingest removed meanwhile stops the
 * publish with "cannot read" before any document naming its replacement goes up.
 */
async function hashLocalFiles(
  folder: string,
  concurrency: number,
  onOutsideLink: (sitePath: string) => void,
): Promise<HashedFile[]> {
  try {
    const { local, documents } = await withCollectionLock(
      folder,
      async () => {
        const listed = await listLocalFiles(folder, onOutsideLink);
        const read = new Map<string, Uint8Array>();
        for (const file of listed) {
          if (file.sitePath.endsWith('.json')) read.set(file.sitePath, await readFile(file.absolutePath));
        }
        return { local: listed, documents: read };
      },
      { readOnly: true },
    );
    return await mapConcurrently(local, concurrency, async (file) => {
      const contents = documents.get(file.sitePath);
      if (!contents) return { ...file, md5: await md5OfFile(file.absolutePath) };
      return { ...file, size: contents.byteLength, contents, md5: createHash('md5').update(contents).digest('hex') };
    });
  } catch (error) {
    const { code, path } = error as NodeJS.ErrnoException;
    if (code === undefined || path === undefined) throw error;
    throw new PublishError(`cannot read ${path} (${code}): check that it exists and that you may read it`);
  }
}

async function requireFolder(folder: string): Promise<void> {
  const stats = await stat(folder).catch(() => undefined);
  if (!stats) throw new PublishError(`there is no folder ${folder}: check the path`);
  if (!stats.isDirectory()) throw new PublishError(`${folder} is a file; publish the folder that holds it`);
}
