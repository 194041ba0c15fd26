import type { ServerResponse } from 'node:http';

/**
 * Answers with JSON that no cache keeps: the editor must always see the file as it is on
 * disk now, and a browser or proxy must never replay an answer meant for the curator.
 */
export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Readonly<Record<string, string>> = {},
): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    ...headers,
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  response.end(text);
}
