import { describe, expect, it } from 'vitest';
import { artefactIdSchema, relativeFileSchema } from './artefact.js';

describe('artefact ids', () => {
  it('accepts folder- and URL-safe ids only', () => {
    expect(artefactIdSchema.safeParse('bali-mask-2').success).toBe(true);
    for (const id of ['Bali', 'a b', '-x', 'x-', '../x', '', 'a'.repeat(65)]) {
      expect(artefactIdSchema.safeParse(id).success, id).toBe(false);
    }
  });
});

describe('files named by a manifest', () => {
  it('must stay inside the artefact folder', () => {
    expect(relativeFileSchema.safeParse('mobile.glb').success).toBe(true);
    expect(relativeFileSchema.safeParse('textures/a.webp').success).toBe(true);
    for (const file of [
      '../x.glb',
      '/etc/passwd',
      'https://cdn.example/x.glb',
      'a//b',
      'a\\b',
      './x',
      'javascript:alert(1)',
    ]) {
      expect(relativeFileSchema.safeParse(file).success, file).toBe(false);
    }
  });
});
