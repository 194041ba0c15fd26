import { describe, expect, it } from 'vitest';
import { languageFallbackChain, languageTextSchema, pickText } from './text.js';

describe('pickText', () => {
  const title = { en: 'Mask', fr: 'Masque', 'pt-BR': 'Máscara' };

  it('gives the visitor their language', () => {
    expect(pickText(title, ['fr'])).toBe('Masque');
  });

  it('falls back from a regional tag to its base language', () => {
    expect(pickText(title, ['fr-CA'])).toBe('Masque');
  });

  it('matches a regional text for a base-language visitor', () => {
    expect(pickText(title, ['pt'])).toBe('Máscara');
  });

  it('falls back to English, then to the first text written', () => {
    expect(pickText(title, ['pl'])).toBe('Mask');
    expect(pickText({ it: 'Maschera', de: 'Maske' }, ['pl'])).toBe('Maschera');
  });

  it('returns an empty string for missing text', () => {
    expect(pickText(undefined, ['en'])).toBe('');
  });
});

describe('languageFallbackChain', () => {
  it('lists each tag, then its base language, then English', () => {
    expect(languageFallbackChain(['fr-CA', 'it'])).toEqual(['fr-ca', 'fr', 'it', 'en']);
  });
});

describe('languageTextSchema', () => {
  it('refuses empty text objects and bad tags', () => {
    expect(languageTextSchema.safeParse({}).success).toBe(false);
    expect(languageTextSchema.safeParse({ 'not a tag': 'x' }).success).toBe(false);
    expect(languageTextSchema.safeParse({ en: 'x' }).success).toBe(true);
  });
});
