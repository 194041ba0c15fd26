import { describe, expect, it } from 'vitest';
import en from './locales/en.json';
import pl from './locales/pl.json';
import { translate } from './translate.js';

describe('translate', () => {
  it('finds nested keys and fills in values', () => {
    expect(translate('en', en, en, 'gallery.open', { title: 'Amphora' })).toBe('Open Amphora');
    expect(translate('en', en, en, 'gallery.dimensions', { width: 1, height: 2, depth: 3 })).toBe('1 × 2 × 3');
  });

  it('chooses the plural form with the language’s own rules', () => {
    expect(translate('en', en, en, 'gallery.count', { count: 1 })).toBe('1 artefact');
    expect(translate('en', en, en, 'gallery.count', { count: 5 })).toBe('5 artefacts');
    // Polish: one, few (2–4, 22–24…), many (5–21…).
    expect(translate('pl', pl, en, 'gallery.count', { count: 1 })).toBe(pl.gallery.count_one.replace('{{count}}', '1'));
    expect(translate('pl', pl, en, 'gallery.count', { count: 3 })).toBe(pl.gallery.count_few.replace('{{count}}', '3'));
    expect(translate('pl', pl, en, 'gallery.count', { count: 5 })).toBe(
      pl.gallery.count_many.replace('{{count}}', '5'),
    );
  });

  it('falls back to English, then to the key, and leaves unknown placeholders as they are', () => {
    expect(translate('pl', {}, en, 'share.copy')).toBe('Copy link');
    expect(translate('en', en, en, 'no.such.key')).toBe('no.such.key');
    expect(translate('en', { a: 'Hello {{name}} {{other}}' }, en, 'a', { name: 'you' })).toBe('Hello you {{other}}');
  });

  it('never treats a value as markup or as a placeholder', () => {
    expect(translate('en', en, en, 'gallery.open', { title: '<b>{{count}}</b>' })).toBe('Open <b>{{count}}</b>');
  });
});
