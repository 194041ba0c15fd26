import { UsageError } from '../output.js';

/**
 * The object store's address: --endpoint, else AWS_ENDPOINT_URL_S3, else AWS_ENDPOINT_URL (the
 * variables the AWS tools share), else none, meaning AWS S3 itself. Read here rather than left to
 * the SDK because a store of one's own needs path-style addresses (http://host/bucket/key), which
 * the SDK uses only when told.
 */
export function resolveEndpoint(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const [source, value] =
    flag !== undefined
      ? ['--endpoint', flag]
      : env.AWS_ENDPOINT_URL_S3
        ? ['AWS_ENDPOINT_URL_S3', env.AWS_ENDPOINT_URL_S3]
        : env.AWS_ENDPOINT_URL
          ? ['AWS_ENDPOINT_URL', env.AWS_ENDPOINT_URL]
          : [];
  if (source === undefined || value === undefined) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new UsageError(`${source} must be the store's web address, like https://s3.example.org, not "${value}"`);
  }
  return url.href.replace(/\/$/, '');
}
