import type { CDPSession } from 'playwright-core';

/** One request the page made over the network, as Chromium accounted for it. */
export interface LoggedRequest {
  readonly url: string;
  /** Chromium's resource type: Document, Script, Fetch, XHR, Image, Other… */
  readonly type: string;
  /** Bytes received for it, headers included (`encodedDataLength`); 0 until it finished. */
  readonly bytes: number;
  /** When it finished, in ms since epoch; undefined while unfinished or when it failed. */
  readonly finishedEpochMs: number | undefined;
  readonly failed: boolean;
}

interface Pending {
  url: string;
  type: string;
  bytes: number;
  finishedEpochMs?: number;
  failed: boolean;
}

/**
 * Records the page's network requests through the DevTools protocol. Its timestamps are on
 * a monotonic clock; each request's `wallTime` at sending gives the offset to epoch time,
 * the clock the screencast frames and `performance.timeOrigin` use. Only http(s): data:
 * and blob: URLs move no bytes over the network.
 */
export class NetworkLog {
  private readonly requests = new Map<string, Pending>();
  private monotonicToEpochMs: number | undefined;

  static async start(cdp: CDPSession): Promise<NetworkLog> {
    const log = new NetworkLog();
    cdp.on('Network.requestWillBeSent', (event) => {
      log.monotonicToEpochMs ??= event.wallTime * 1000 - event.timestamp * 1000;
      if (!/^https?:/.test(event.request.url)) return;
      log.requests.set(event.requestId, {
        url: event.request.url,
        type: event.type ?? 'Other',
        bytes: 0,
        failed: false,
      });
    });
    cdp.on('Network.loadingFinished', (event) => {
      const request = log.requests.get(event.requestId);
      if (!request || log.monotonicToEpochMs === undefined) return;
      request.bytes = event.encodedDataLength;
      request.finishedEpochMs = event.timestamp * 1000 + log.monotonicToEpochMs;
    });
    cdp.on('Network.loadingFailed', (event) => {
      const request = log.requests.get(event.requestId);
      if (request) request.failed = true;
    });
    await cdp.send('Network.enable');
    return log;
  }

  list(): LoggedRequest[] {
    return [...this.requests.values()].map((request) => ({
      url: request.url,
      type: request.type,
      bytes: request.bytes,
      finishedEpochMs: request.finishedEpochMs,
      failed: request.failed,
    }));
  }
}

/** Requests that had fully arrived by `epochMs`: what the page could have used for a frame then. */
export function finishedBy(requests: readonly LoggedRequest[], epochMs: number): LoggedRequest[] {
  return requests.filter((request) => request.finishedEpochMs !== undefined && request.finishedEpochMs <= epochMs);
}

export function sumBytes(requests: readonly LoggedRequest[]): number {
  return requests.reduce((sum, request) => sum + request.bytes, 0);
}
