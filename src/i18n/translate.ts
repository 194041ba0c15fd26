/** A language's messages: nested groups of strings, as in locales/en.json. */
export interface Messages {
  readonly [key: string]: string | Messages;
}

export type TranslateValues = Readonly<Record<string, string | number>>;

/**
 * The app's message lookup: `t('gallery.count', { count: 3 })`. Plurals follow i18next's
 * file convention (`count_one`, `count_few`, `count_other`, chosen with the language's
 * Intl.PluralRules), `{{name}}` is replaced by the value (unescaped: React escapes what it
 * renders), and a key the language lacks comes from English, then shows itself.
 *
 * Written here rather than taken from i18next because this is all the app uses of it, and
 * i18next with react-i18next is ~17 kB gzip of the page's JavaScript, which the viewer's
 * budget (issue 5: no heavier than model-viewer) cannot spare.
 */
export function translate(
  language: string,
  messages: Messages,
  fallback: Messages,
  key: string,
  values: TranslateValues = {},
): string {
  const count = values.count;
  const plural = typeof count === 'number' ? pluralRules(language).select(count) : undefined;
  const candidates = plural ? [`${key}_${plural}`, `${key}_other`] : [key];
  for (const source of [messages, fallback]) {
    for (const candidate of candidates) {
      const found = lookup(source, candidate);
      if (found !== undefined) return interpolate(found, values);
    }
  }
  return key;
}

function lookup(messages: Messages, key: string): string | undefined {
  let node: string | Messages | undefined = messages;
  for (const part of key.split('.')) {
    if (typeof node !== 'object') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

function interpolate(text: string, values: TranslateValues): string {
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

const rules = new Map<string, Intl.PluralRules>();
function pluralRules(language: string): Intl.PluralRules {
  let found = rules.get(language);
  if (!found) rules.set(language, (found = new Intl.PluralRules(language)));
  return found;
}
