import { annotationsDocumentSchema, type AnnotationsDocument } from '@vitrine/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EditRefused, loadAnnotations, saveAnnotations } from './annotations-api.js';

const DOCUMENT: AnnotationsDocument = annotationsDocumentSchema.parse({
  schemaVersion: 1,
  layers: [{ id: 'notes', label: { en: 'Notes' }, colour: '#7a3b1d' }],
  annotations: [],
});

// The server as the editor sees it: each call answers the next of `answers`, and is kept.
let requests: { url: string; init: RequestInit }[];
let answers: Response[];
const answer = (status: number, body: unknown, etag?: string) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...(etag ? { etag } : {}) },
  });
const headersOf = (index: number) => new Headers(requests[index]!.init.headers);

beforeEach(() => {
  requests = [];
  answers = [];
  vi.stubGlobal('document', { baseURI: 'http://127.0.0.1:4173/' });
  vi.stubGlobal('fetch', async (url: URL, init: RequestInit) => {
    requests.push({ url: String(url), init });
    const next = answers.shift();
    if (!next) throw new Error('no answer prepared');
    return next;
  });
});

afterEach(() => vi.unstubAllGlobals());

describe('the editor’s annotations API client', () => {
  it('keeps the version of what it read and saves over exactly that version', async () => {
    answers.push(answer(200, DOCUMENT, '"v1"'), answer(200, DOCUMENT, '"v2"'), answer(200, DOCUMENT, '"v3"'));
    const loaded = await loadAnnotations('bust', 'secret');
    expect(loaded).toEqual({ document: DOCUMENT, etag: '"v1"' });
    expect(requests[0]!.url).toBe('http://127.0.0.1:4173/api/artefacts/bust/annotations');
    expect(headersOf(0).get('authorization')).toBe('Bearer secret');

    const saved = await saveAnnotations('bust', 'secret', loaded.document, loaded.etag);
    expect(requests[1]!.init.method).toBe('PUT');
    expect(headersOf(1).get('if-match')).toBe('"v1"');
    expect(headersOf(1).get('authorization')).toBe('Bearer secret');
    expect(saved.etag).toBe('"v2"');

    // The next save names the version the last one produced, not the one first read.
    await saveAnnotations('bust', 'secret', saved.document, saved.etag);
    expect(headersOf(2).get('if-match')).toBe('"v2"');
  });

  it('tells a conflict (412) and a busy collection (409) apart by status, with the server’s line', async () => {
    answers.push(
      answer(412, { error: 'the annotations changed since you read them' }),
      answer(409, { error: 'bust is being ingested; try again' }),
    );
    const conflict = await saveAnnotations('bust', 'secret', DOCUMENT, '"v1"').catch((error: unknown) => error);
    expect(conflict).toBeInstanceOf(EditRefused);
    expect(conflict).toMatchObject({ status: 412, message: 'the annotations changed since you read them' });
    const busy = await saveAnnotations('bust', 'secret', DOCUMENT, '"v1"').catch((error: unknown) => error);
    expect(busy).toMatchObject({ status: 409, message: 'bust is being ingested; try again' });
    expect(requests).toHaveLength(2); // neither is retried
  });

  it('refuses to go on with annotations that carry no version', async () => {
    answers.push(answer(200, DOCUMENT));
    await expect(loadAnnotations('bust', 'secret')).rejects.toThrow(/ETag/);
  });
});
