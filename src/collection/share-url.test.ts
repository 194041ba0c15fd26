import { describe, expect, it } from 'vitest';
import { shareUrl } from './share-url.js';

describe('shareUrl', () => {
  it('keeps the artefact and the open annotation, nothing else', () => {
    expect(shareUrl('https://museum.example/3d/?artefact=amphora&kiosk&edit#token=secret', 'amphora', 'handle')).toBe(
      'https://museum.example/3d/?artefact=amphora#annotation=handle',
    );
  });
  it('has no hash when no annotation is open', () => {
    expect(shareUrl('https://museum.example/?artefact=bust&emulate=quest3#annotation=x', 'bust', undefined)).toBe(
      'https://museum.example/?artefact=bust',
    );
  });
});
