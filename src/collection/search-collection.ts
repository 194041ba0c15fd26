import type { CollectionEntry, LanguageText } from '@vitrine/core';

/**
 * The artefacts whose title, creator or tags hold every word of the query, in the
 * collection's order. Titles and creators are searched in every language the curator
 * wrote them in (a visitor may know the English name while reading the Polish page);
 * case and accents are ignored, so "amfora" finds "Amfora" and "vase" finds "Vasé".
 */
export function searchCollection(entries: readonly CollectionEntry[], query: string): CollectionEntry[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...entries];
  return entries.filter((entry) => {
    const haystack = fold(
      [...texts(entry.title), ...texts(entry.creator), ...(entry.tags ?? []), entry.id].join('\u0000'),
    );
    return words.every((word) => haystack.includes(word));
  });
}

function texts(text: LanguageText | undefined): string[] {
  return text ? Object.values(text) : [];
}

/** Lower case without diacritics: "Żółć" → "zolc". Ł has no decomposition, so it is mapped by hand. */
function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').replace(/ł/g, 'l').replace(/Ł/g, 'L').toLowerCase();
}
