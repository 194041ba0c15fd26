import { createElement, type ReactNode } from 'react';

/**
 * Renders the small Markdown subset of annotation texts as React elements: paragraphs
 * (blank line), line breaks (newline), bullet lists ("- " or "* "), **bold**, *italic* or
 * _italic_ (not inside a word: inv_no_14 stays), [links](https://…) with balanced
 * parentheses in the address, and backslash escapes. Anything else is shown as the text
 * it is: collection text is untrusted, so it never becomes HTML (no innerHTML anywhere;
 * React escapes every string) and a link keeps only an http, https or mailto address.
 *
 * Written here rather than taken from a library: a CommonMark parser plus an HTML
 * sanitizer would weigh more than the whole viewer's own code, and would need to be
 * configured correctly to be safe; a parser that can only produce six kinds of element is
 * safe by construction and reads in one sitting.
 */
export function renderMarkdown(source: string): ReactNode[] {
  const blocks = source
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((block) => block.replace(/^\n+|\n+$/g, ''))
    .filter((block) => block.trim() !== '');
  return blocks.map((block, index) => {
    const lines = block.split('\n');
    if (lines.every((line) => BULLET.test(line))) {
      const items = lines.map((line, item) => createElement('li', { key: item }, inline(line.replace(BULLET, ''))));
      return createElement('ul', { key: index }, items);
    }
    const content = lines.flatMap((line, number) =>
      number === 0 ? inline(line) : [createElement('br', { key: `br${number}` }), ...inline(line, `l${number}`)],
    );
    return createElement('p', { key: index }, content);
  });
}

const BULLET = /^\s*[-*]\s+/;
/** Deeper nesting than this is shown as text: no curator needs it, and it bounds recursion. */
const MAX_DEPTH = 6;
const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
const ESCAPABLE = '\\*_[]()';
/**
 * How far to look for a closing delimiter. Without a bound, a text of 20,000 unmatched
 * "[" or "*a " would take quadratic time to show.
 */
const MAX_SPAN = 1000;

/** The inline elements of one line; `prefix` keeps keys unique across lines. */
function inline(text: string, prefix = '', depth = 0): ReactNode[] {
  const nodes: ReactNode[] = [];
  let plain = '';
  const flush = () => {
    if (plain) nodes.push(plain);
    plain = '';
  };
  const key = () => `${prefix}${nodes.length}`;
  let i = 0;
  while (i < text.length) {
    const char = text[i]!;
    if (char === '\\' && i + 1 < text.length && ESCAPABLE.includes(text[i + 1]!)) {
      plain += text[i + 1];
      i += 2;
      continue;
    }
    // `_` opens only at the start of a word, so snake_case_name stays a name (CommonMark's
    // rule; `*` may open inside a word, as there, for emphasis of part of one).
    if (depth < MAX_DEPTH && (char === '*' || (char === '_' && !touchesWord(text, i, -1)))) {
      const delimiter = char === '*' && text[i + 1] === '*' ? '**' : char;
      const close = findClosing(text, i + delimiter.length, delimiter);
      if (close > 0) {
        flush();
        const inner = inline(text.slice(i + delimiter.length, close), `${key()}-`, depth + 1);
        nodes.push(createElement(delimiter === '**' ? 'strong' : 'em', { key: key() }, inner));
        i = close + delimiter.length;
        continue;
      }
    }
    if (depth < MAX_DEPTH && char === '[') {
      const link = parseLink(text, i);
      if (link) {
        flush();
        const label = inline(link.label, `${key()}-`, depth + 1);
        const href = safeHref(link.href);
        nodes.push(href ? createElement('a', { key: key(), href, rel: 'noopener noreferrer nofollow' }, label) : label);
        i = link.end;
        continue;
      }
    }
    plain += char;
    i++;
  }
  flush();
  return nodes;
}

/**
 * Where the emphasis opened at `from` closes, or -1. Like Markdown, the emphasized text may
 * not start or end with a space (so "2 * 3 * 4" stays arithmetic), a single `*` does not
 * close on half of a `**`, and `_` closes only at the end of a word.
 */
function findClosing(text: string, from: number, delimiter: string): number {
  if (from >= text.length || isSpace(text.charCodeAt(from))) return -1;
  const end = Math.min(text.length, from + MAX_SPAN);
  for (let i = from + 1; i < end; i++) {
    if (text[i] === '\\') {
      i++;
      continue;
    }
    if (text[i] !== delimiter[0] || (delimiter.length === 2 && text[i + 1] !== delimiter[1])) continue;
    if (delimiter === '*' && text[i + 1] === '*') {
      i++; // a strong delimiter inside emphasis: skip both stars
      continue;
    }
    if (delimiter === '_' && touchesWord(text, i, 1)) continue;
    if (!isSpace(text.charCodeAt(i - 1))) return i;
  }
  return -1;
}

/**
 * Whether the run of `_` at `at` has a letter or digit (of any script) just before it
 * (`direction` -1) or just after it (1): such a run is inside a word, as in `a__b`.
 */
function touchesWord(text: string, at: number, direction: 1 | -1): boolean {
  let i = at;
  while (text[i] === '_') i += direction;
  return /[\p{L}\p{N}]/u.test(text[i] ?? '');
}

/** Space, tab or newline: enough for text that has already been split into lines. */
function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 160;
}

/** `[label](href)` starting at `start`, with balanced brackets in the label. */
function parseLink(text: string, start: number): { label: string; href: string; end: number } | undefined {
  let depth = 0;
  const end = Math.min(text.length, start + MAX_SPAN);
  for (let i = start; i < end; i++) {
    const char = text[i];
    if (char === '\\') {
      i++;
    } else if (char === '[') {
      depth++;
    } else if (char === ']' && --depth === 0) {
      if (text[i + 1] !== '(') return undefined;
      const destination = parseDestination(text, i + 2);
      return destination && { label: text.slice(start + 1, i), ...destination };
    }
  }
  return undefined;
}

/**
 * The link's address from `from` (just after `(`) to its closing `)`. As in CommonMark,
 * parentheses inside it count when balanced, so `…/wiki/Amphora_(vessel)` is one address,
 * and a backslash escapes one; spaces may surround it but not break it (no titles here).
 */
function parseDestination(text: string, from: number): { href: string; end: number } | undefined {
  const end = Math.min(text.length, from + MAX_SPAN);
  let i = from;
  while (i < end && isSpace(text.charCodeAt(i))) i++;
  let href = '';
  let depth = 0;
  for (; i < end && !isSpace(text.charCodeAt(i)); i++) {
    const char = text[i]!;
    if (char === '\\' && ESCAPABLE.includes(text[i + 1] ?? '')) {
      href += text[++i];
      continue;
    }
    if (char === ')' && depth === 0) break;
    if (char === '(') depth++;
    if (char === ')') depth--;
    href += char;
  }
  while (i < end && isSpace(text.charCodeAt(i))) i++;
  if (text[i] !== ')' || depth !== 0 || !href) return undefined;
  return { href, end: i + 1 };
}

/** The address if it is absolute and http, https or mailto; anything else is dropped. */
export function safeHref(href: string): string | undefined {
  try {
    const url = new URL(href);
    return SAFE_PROTOCOLS.has(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}
