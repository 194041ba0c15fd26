import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { UsageError } from '../output.js';
import { appBuildFolder } from './app-build.js';
import { requireCollection } from './require-collection.js';
import { createSiteServer } from './site-server.js';

export interface ServeOptions {
  collection: string | undefined;
  port: number;
  host: string;
  edit: boolean;
  log?: (line: string) => void;
}

export interface RunningSite {
  /** The app's address, e.g. http://localhost:8080/ */
  url: string;
  /** With `edit`: the editor's secret, which every save must carry. */
  token?: string;
  close(): Promise<void>;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '::1']);

/** Serves the app and a collection until closed; with `edit`, the annotation editor's API too. */
export async function serveCollection(options: ServeOptions): Promise<RunningSite> {
  if (options.edit && !LOOPBACK.has(options.host)) {
    throw new UsageError('the editor listens on this computer only: leave out --host, or serve without --edit');
  }
  const { folder } = await requireCollection(options.collection);
  const app = await appBuildFolder(options.log);
  const token = options.edit ? randomBytes(24).toString('base64url') : undefined;
  // The editor's code is loaded only for `--edit`.
  const api = token
    ? (await import('../serve/annotation-edit-api.js')).createAnnotationEditHandler({ collectionDir: folder, token })
    : undefined;
  const server = createSiteServer({ app, collection: folder }, api);
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new UsageError(`port ${options.port} is in use; choose another with --port`)
          : new UsageError(`cannot listen on ${options.host}:${options.port}: ${error.message}`),
      ),
    );
    server.listen(options.port, options.host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}/`,
    token,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
