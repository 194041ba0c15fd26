import { describe, expect, it } from 'vitest';
import { artefactIdSchema, kioskConfigSchema } from './index.js';

// This file imports no classic zod, which would set English itself: what it sees is what
// the browser sees with zod/mini alone.
describe('zod/mini as core configures it', () => {
  it("speaks English in zod's own messages and keeps ours", () => {
    expect(kioskConfigSchema.safeParse({ idleSeconds: 5 }).error?.issues[0]?.message).toBe(
      'Too small: expected number to be >=10',
    );
    expect(kioskConfigSchema.safeParse({ always: 'yes' }).error?.issues[0]?.message).toBe(
      'Invalid input: expected boolean, received string',
    );
    expect(artefactIdSchema.safeParse('Bad Id').error?.issues[0]?.message).toBe(
      'use lower-case letters, digits and dashes',
    );
  });
});
