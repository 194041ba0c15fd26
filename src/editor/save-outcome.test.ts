import { annotationsDocumentSchema } from '@vitrine/core';
import { describe, expect, it } from 'vitest';
import { EditRefused } from './annotations-api.js';
import { draftAfterSave, statusAfterFailedSave } from './save-outcome.js';

const documentTitled = (title: string) =>
  annotationsDocumentSchema.parse({
    schemaVersion: 1,
    layers: [{ id: 'notes', label: { en: title }, colour: '#7a3b1d' }],
    annotations: [],
  });

describe('what a save leaves on screen', () => {
  it('names a conflict and a busy collection, and shows any other refusal as the server put it', () => {
    expect(statusAfterFailedSave(new EditRefused(412, 'changed since'))).toEqual({ kind: 'conflict' });
    expect(statusAfterFailedSave(new EditRefused(409, 'being ingested'))).toEqual({ kind: 'busy' });
    expect(statusAfterFailedSave(new EditRefused(422, 'layers: required'))).toEqual({
      kind: 'error',
      message: 'layers: required',
    });
    expect(statusAfterFailedSave(new TypeError('Failed to fetch'))).toEqual({
      kind: 'error',
      message: 'Failed to fetch',
    });
  });

  it('keeps changes made while the save was on its way', () => {
    const sent = documentTitled('sent');
    const saved = documentTitled('saved');
    const typedSince = documentTitled('typed since');
    expect(draftAfterSave(sent, sent, saved)).toBe(saved);
    expect(draftAfterSave(typedSince, sent, saved)).toBe(typedSince);
  });
});
