import type { IncomingMessage } from 'node:http';
import { EditRefusal } from './edit-refusal.js';

/**
 * Reads a request's JSON body, refusing before it parses anything: another content type
 * (415; a form post from another site cannot send application/json without asking
 * first), a declared or actual size over `maxBytes` (413, reading stops there: the rest
 * is never buffered), text that is not JSON (422).
 */
export async function readJsonBody(request: IncomingMessage, maxBytes: number): Promise<unknown> {
  refuseOtherContentTypes(request.headers['content-type']);
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  const bytes = await readAtMost(request, maxBytes);
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    throw new EditRefusal(422, `the body is not JSON: ${(error as Error).message.split('\n')[0]}`);
  }
}

function refuseOtherContentTypes(contentType: string | undefined): void {
  const [type = '', ...parameters] = (contentType ?? '').split(';').map((part) => part.trim().toLowerCase());
  const charset = parameters.find((parameter) => parameter.startsWith('charset='))?.slice('charset='.length);
  if (type !== 'application/json' || (charset !== undefined && charset.replace(/"/g, '') !== 'utf-8')) {
    throw new EditRefusal(415, 'send the annotations as application/json (UTF-8)');
  }
}

function readAtMost(request: IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = () => {
      request.off('data', onData);
      request.off('end', onEnd);
      request.off('error', onError);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        stop();
        // Paused, the socket stops taking bytes; the 413 closes the connection.
        request.pause();
        reject(tooLarge(maxBytes));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      stop();
      resolve(Buffer.concat(chunks));
    };
    const onError = (error: Error) => {
      stop();
      reject(new EditRefusal(400, `the request body could not be read: ${error.message}`));
    };
    request.on('data', onData);
    request.on('end', onEnd);
    request.on('error', onError);
  });
}

function tooLarge(maxBytes: number): EditRefusal {
  // "close": the client may still be sending; this connection will read no more of it.
  return new EditRefusal(413, `the body is larger than ${maxBytes} bytes`, { connection: 'close' });
}
