import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sampleAnnotationsDocument, writeTestCollection } from '../annotations-export/testing/write-test-collection.js';
import { createAnnotationEditHandler } from './annotation-edit-api.js';

const TOKEN = 'test-token-0123456789abcdef';

let server: Server;
let origin: string;
let collection: string;

beforeEach(async () => {
  collection = await writeTestCollection([{ id: 'amphora', annotations: sampleAnnotationsDocument() }]);
  const handler = createAnnotationEditHandler({ collectionDir: collection, token: TOKEN });
  server = createServer((request, response) => {
    void handler(request, response).then((handled) => {
      if (!handled) response.writeHead(418).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await rm(path.dirname(collection), { recursive: true, force: true });
});

const ANNOTATIONS = '/api/artefacts/amphora/annotations';
const authorization = `Bearer ${TOKEN}`;

/**
 * PUTs a document as the editor does: read first, then write. The read's ETag, when the
 * API sends one, goes back as If-Match, so this holds with and without conditional saves.
 */
async function put(document: unknown): Promise<{ status: number; error?: string }> {
  const read = await fetch(`${origin}${ANNOTATIONS}`, { headers: { authorization } });
  expect(read.status).toBe(200);
  const etag = read.headers.get('etag');
  const response = await fetch(`${origin}${ANNOTATIONS}`, {
    method: 'PUT',
    headers: { authorization, 'content-type': 'application/json', ...(etag ? { 'if-match': etag } : {}) },
    body: JSON.stringify(document),
  });
  const json = (await response.json()) as { error?: string };
  return { status: response.status, error: json.error };
}

type Media = 'image' | 'audio' | 'captions';

/** The sample document with one media path replaced. */
function withMedia(which: Media, file: string) {
  const document = sampleAnnotationsDocument() as {
    annotations: { body: { image: { url: string }; audio: { url: string; captions: string } } }[];
  };
  const body = document.annotations[0]!.body;
  if (which === 'image') body.image.url = file;
  else if (which === 'audio') body.audio.url = file;
  else body.audio.captions = file;
  return document;
}

const FIELD: Record<Media, string> = {
  image: 'annotations[0].body.image.url',
  audio: 'annotations[0].body.audio.url',
  captions: 'annotations[0].body.audio.captions',
};

/** Each file of the collection and its bytes. */
async function snapshot(): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await readdir(collection, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    files[path.relative(collection, file)] = await readFile(file, 'utf8');
  }
  return files;
}

// Names that `new URL` or a server would read as another place than they say: a hidden
// host behind line breaks or tabs, encoded climbs and slashes, backslashes, a query or
// fragment, leading spaces and controls. Captions end in .vtt so that only the path is wrong.
const HOSTILE = [
  '\n/\n/evil.example/x',
  '\t/\t/evil.example/x',
  '%2e%2e/%2e%2e/x',
  '.%2E/x',
  '..%2f..%2fx',
  'images%5c..%5c..%5cx',
  '..\\..\\x',
  'x?/../../y',
  'x#/../../y',
  ' /etc/x',
  'images/ x',
  'x\u0000y',
  'x\u0085y',
  'x\u00a0y',
];

describe('the annotation edit API and hostile media paths', () => {
  it('saves a document with plain media names (the hostile ones below are refused for their path alone)', async () => {
    expect(await put(withMedia('image', 'images/handle detail.webp'))).toEqual({ status: 200, error: undefined });
  });

  for (const which of ['image', 'audio', 'captions'] as const) {
    it.each(HOSTILE)(`422 for ${which} %j, with the field and what is wrong, changing nothing`, async (hostile) => {
      const before = await snapshot();
      const file = which === 'captions' ? `${hostile}.vtt` : `${hostile}.webp`;
      const reply = await put(withMedia(which, file));
      expect(reply.status).toBe(422);
      expect(reply.error).toMatch(
        new RegExp(`^${FIELD[which].replace(/[.[\]]/g, '\\$&')}: must be a plain relative path`),
      );
      // One line for the curator, whatever control characters the path held.
      expect(reply.error).not.toMatch(/[\n\r]/);
      expect(await snapshot()).toEqual(before);
    });
  }
});
