import { UsageError } from '../output.js';

/** Where a publish goes: a bucket, and the folder in it that the published folder's files land in. */
export interface S3Target {
  bucket: string;
  /** Put before every file's path to make its object key: '' for the bucket's top, else folder names ending in '/'. */
  prefix: string;
}

const S3_URL = /^s3:\/\/([^/]*)(?:\/(.*))?$/;

/** The naming rule S3 and the common S3-compatible stores share (underscores only in old AWS buckets). */
const BUCKET_NAME = /^[a-z0-9][a-z0-9._-]{1,61}[a-z0-9]$/;

/** Reads `s3://bucket/folder/sub`; the folder part is taken literally, as the AWS CLI does, not URL-decoded. */
export function parseS3Target(url: string): S3Target {
  const match = S3_URL.exec(url);
  if (!match) {
    const hint = /^https?:\/\//i.test(url) ? "; a store's web address goes in --endpoint <url>" : '';
    throw new UsageError(`--to must look like s3://bucket/folder, not "${url}"${hint}`);
  }
  const [, bucket = '', folder = ''] = match;
  if (bucket === '') throw new UsageError(`--to needs a bucket name after s3://, like s3://my-bucket/folder`);
  if (!BUCKET_NAME.test(bucket)) {
    throw new UsageError(
      `"${bucket}" is not a bucket name: use 3 to 63 lowercase letters, digits, dots and hyphens, as in s3://my-bucket`,
    );
  }
  // Empty segments (a trailing or doubled slash) are dropped: "s3://b/site/" and "s3://b/site" mean the same.
  const segments = folder.split('/').filter((segment) => segment !== '');
  if (segments.some((segment) => segment === '.' || segment === '..')) {
    throw new UsageError(`the folder in --to cannot contain "." or "..": "${url}"`);
  }
  return { bucket, prefix: segments.map((segment) => `${segment}/`).join('') };
}

/** The target as the curator would type it: `s3://bucket/folder`, no trailing slash. */
export function formatS3Target(target: S3Target): string {
  return `s3://${target.bucket}/${target.prefix}`.replace(/\/$/, '');
}
