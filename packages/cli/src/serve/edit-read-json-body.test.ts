import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readJsonBody } from './edit-read-json-body.js';
import { EditRefusal } from './edit-refusal.js';

/** A request whose body is made only as it is read, so the test sees how much was read. */
function lazyRequest(totalBytes: number, headers: Record<string, string> = { 'content-type': 'application/json' }) {
  let produced = 0;
  const body = new Readable({
    highWaterMark: 1024,
    read() {
      if (produced >= totalBytes) return void this.push(null);
      const chunk = Buffer.alloc(Math.min(1024, totalBytes - produced), 0x20);
      produced += chunk.length;
      this.push(chunk);
    },
  });
  return { request: Object.assign(body, { headers }) as unknown as IncomingMessage, produced: () => produced };
}

async function refusal(promise: Promise<unknown>): Promise<EditRefusal> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(EditRefusal);
  return error as EditRefusal;
}

describe('readJsonBody', () => {
  it('parses a JSON body within the limit', async () => {
    const request = Object.assign(Readable.from([Buffer.from('{"a":'), Buffer.from('[1]}')]), {
      headers: { 'content-type': 'application/json; charset=UTF-8' },
    }) as unknown as IncomingMessage;
    expect(await readJsonBody(request, 100)).toEqual({ a: [1] });
  });

  it('stops reading a body over the limit instead of buffering it', async () => {
    const { request, produced } = lazyRequest(100_000_000);
    const error = await refusal(readJsonBody(request, 10_000));
    expect(error.status).toBe(413);
    expect(error.headers).toEqual({ connection: 'close' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(produced()).toBeLessThan(20_000);
  });

  it('refuses a declared length over the limit before reading anything', async () => {
    const { request, produced } = lazyRequest(50_000, {
      'content-type': 'application/json',
      'content-length': '50000',
    });
    expect((await refusal(readJsonBody(request, 10_000))).status).toBe(413);
    expect(produced()).toBe(0);
  });

  it('refuses other content types (415) and text that is not UTF-8 JSON (422)', async () => {
    expect((await refusal(readJsonBody(lazyRequest(10, { 'content-type': 'text/plain' }).request, 100))).status).toBe(
      415,
    );
    const latin1 = Object.assign(Readable.from([Buffer.from([0x22, 0xe9, 0x22])]), {
      headers: { 'content-type': 'application/json' },
    }) as unknown as IncomingMessage;
    expect((await refusal(readJsonBody(latin1, 100))).status).toBe(422);
    expect((await refusal(readJsonBody(lazyRequest(0).request, 100))).status).toBe(422);
  });
});
