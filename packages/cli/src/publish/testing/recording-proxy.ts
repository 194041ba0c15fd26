import { createServer, request as forward, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One write request that reached the store, and when, on one clock shared by all of them. */
export interface StoreWrite {
  method: 'PUT' | 'DELETE';
  /** The object key (path-style requests: the path less the bucket). */
  key: string;
  /** Ticks of the shared clock: when the request arrived, and when the store's answer was sent back. */
  started: number;
  finished: number;
  status: number;
}

export interface RecordingProxy {
  /** Where the publish is pointed instead of the store. */
  endpoint: string;
  /** Every PUT and DELETE of objects, in the order they arrived. */
  writes: StoreWrite[];
  /** Answers the n-th PUT from now on (1-based) with a 403 of the store's kind, without passing it on; 0 fails none. */
  failPut(n: number): void;
  close(): Promise<void>;
}

/**
 * An HTTP proxy in front of a real S3-compatible store that records the order of writes,
 * and can refuse one PUT as a store does when it refuses: a real answer on a real
 * connection, which the client cannot tell from the store's own. 403 AccessDenied, not a
 * 5xx, because the publish retries a 5xx and would hide the failure.
 */
export async function startRecordingProxy(storeEndpoint: string): Promise<RecordingProxy> {
  const store = new URL(storeEndpoint);
  const writes: StoreWrite[] = [];
  let clock = 0;
  let puts = 0;
  let failAt = 0;

  const server = createServer((incoming, outgoing) => {
    const write = recordable(incoming, ++clock);
    if (write?.method === 'PUT' && ++puts === failAt) {
      refuse(incoming, outgoing, () => writes.push({ ...write, finished: ++clock, status: 403 }));
      return;
    }
    const upstream = forward(
      {
        host: store.hostname,
        port: store.port,
        method: incoming.method,
        path: incoming.url,
        headers: incoming.headers,
      },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
        answer.on('end', () => {
          if (write) writes.push({ ...write, finished: ++clock, status: answer.statusCode ?? 0 });
        });
      },
    );
    upstream.on('error', () => outgoing.destroy());
    incoming.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    writes,
    failPut: (n) => {
      puts = 0;
      failAt = n;
    },
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** A PUT or DELETE of an object (not of a bucket), with its key; undefined for anything else. */
function recordable(incoming: IncomingMessage, started: number): Omit<StoreWrite, 'finished' | 'status'> | undefined {
  const method = incoming.method;
  if (method !== 'PUT' && method !== 'DELETE') return undefined;
  const [, , ...key] = new URL(incoming.url ?? '/', 'http://store').pathname.split('/');
  if (key.length === 0) return undefined;
  return { method, key: decodeURIComponent(key.join('/')), started };
}

/** Reads the whole body first: a client cut off mid-upload sees a broken connection, which it retries. */
function refuse(incoming: IncomingMessage, outgoing: ServerResponse, done: () => void): void {
  incoming.resume();
  incoming.on('end', () => {
    const body =
      '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>';
    outgoing.writeHead(403, { 'content-type': 'application/xml', 'content-length': Buffer.byteLength(body) });
    outgoing.end(body, done);
  });
}
