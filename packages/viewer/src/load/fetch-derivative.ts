import { ArtefactLoadError } from './artefact-load-error.js';
import { fetchOrExplain } from './fetch-or-explain.js';

export interface FetchDerivativeOptions {
  signal?: AbortSignal;
  /** Called as bytes arrive with the share received, 0–1. */
  onProgress?: (share: number) => void;
  /** Size from the manifest, for progress when the server sends no Content-Length (or compresses). */
  expectedBytes?: number;
}

/**
 * Downloads a derivative's bytes with fetch rather than three's FileLoader: the download
 * stops when the viewer unmounts (FileLoader cannot be aborted), and failures become the
 * same ArtefactLoadError kinds as the manifest's, so the visitor reads "not found" for a 404.
 */
export async function fetchDerivative(url: string, options: FetchDerivativeOptions = {}): Promise<ArrayBuffer> {
  const { signal, onProgress, expectedBytes } = options;
  const response = await fetchOrExplain(url, signal);
  try {
    return await readWithProgress(response, onProgress, expectedBytes);
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ArtefactLoadError('network', `the download of ${url} broke off`);
  }
}

async function readWithProgress(
  response: Response,
  onProgress: ((share: number) => void) | undefined,
  expectedBytes: number | undefined,
): Promise<ArrayBuffer> {
  const header = Number(response.headers.get('Content-Length'));
  const total = response.headers.get('Content-Encoding') ? expectedBytes : header > 0 ? header : expectedBytes;
  if (!response.body || !onProgress || !total) return response.arrayBuffer();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.byteLength;
    onProgress(Math.min(received / total, 1));
  }
  const bytes = new Uint8Array(received);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes.buffer;
}
