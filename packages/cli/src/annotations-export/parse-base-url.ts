import { UsageError } from '../output.js';

/**
 * Reads --base: the http(s) URL the collection folder is published at. A missing final
 * slash is added, since the URL names a folder and relative paths resolve inside it
 * (`https://museum.example/collection` would otherwise resolve beside "collection").
 */
export function parseBaseUrl(value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`--base must be an absolute URL like https://museum.example/collection/, not "${value}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new UsageError(`--base must be an http or https URL, not "${value}"`);
  }
  if (url.search || url.hash) {
    throw new UsageError(`--base is the collection's folder: leave out the ?query and #fragment of "${value}"`);
  }
  if (!url.pathname.endsWith('/')) url.pathname = `${url.pathname}/`;
  return url;
}
