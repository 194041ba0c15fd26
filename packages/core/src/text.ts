import { z } from './zod.js';

/**
 * A BCP 47 language tag as used in collection files ("en", "fr", "pt-BR", "und" for text
 * in no particular language). Kept deliberately loose: the visitor's browser decides
 * what it understands, we only refuse what cannot be a tag.
 */
export const languageTagSchema = z
  .string()
  .check(z.regex(/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/, 'not a BCP 47 language tag'));
export type LanguageTag = z.infer<typeof languageTagSchema>;

/** Text in one or more languages: `{ "en": "Mask", "fr": "Masque" }`. */
export const languageTextSchema = z
  .record(languageTagSchema, z.string().check(z.maxLength(20_000)))
  .check(z.refine((text) => Object.keys(text).length > 0, 'needs text in at least one language'));
export type LanguageText = z.infer<typeof languageTextSchema>;

/** Wraps a plain string as text in one language. */
export function textIn(language: LanguageTag, value: string): LanguageText {
  return { [language]: value };
}

/**
 * Picks the best text for a visitor who reads `preferred` languages, most wanted first.
 * Falls back from a regional tag to its base language ("fr-CA" to "fr"), then to English,
 * then to whatever the curator wrote first, so a visitor never sees an empty label.
 */
export function pickText(text: LanguageText | undefined, preferred: readonly string[]): string {
  if (!text) return '';
  const entries = Object.entries(text);
  if (entries.length === 0) return '';
  const lower = new Map(entries.map(([tag, value]) => [tag.toLowerCase(), value]));
  for (const wanted of preferred) {
    const exact = lower.get(wanted.toLowerCase()) ?? lower.get(baseLanguage(wanted));
    if (exact !== undefined) return exact;
    // A visitor reading "pt" also reads the curator's "pt-BR".
    const regional = entries.find(([tag]) => baseLanguage(tag) === baseLanguage(wanted));
    if (regional) return regional[1];
  }
  const english = lower.get('en') ?? entries.find(([tag]) => baseLanguage(tag) === 'en')?.[1];
  if (english !== undefined) return english;
  return entries[0]![1];
}

/** `["fr-CA", "it"]` becomes `["fr-ca", "fr", "it", "en"]`. */
export function languageFallbackChain(preferred: readonly string[]): string[] {
  const chain: string[] = [];
  const add = (tag: string) => {
    if (!chain.includes(tag)) chain.push(tag);
  };
  for (const tag of preferred) {
    add(tag.toLowerCase());
    add(baseLanguage(tag));
  }
  add('en');
  return chain;
}

function baseLanguage(tag: string): string {
  return tag.toLowerCase().split('-')[0]!;
}
