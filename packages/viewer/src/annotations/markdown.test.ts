import { createElement, Fragment } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { renderMarkdown, safeHref } from './markdown.js';

const html = (source: string) => renderToStaticMarkup(createElement(Fragment, null, renderMarkdown(source)));

describe('the annotation Markdown subset', () => {
  it('makes paragraphs, line breaks and bullet lists', () => {
    expect(html('First line\nsecond line\n\nNext paragraph')).toBe(
      '<p>First line<br/>second line</p><p>Next paragraph</p>',
    );
    expect(html('Made of:\n\n- clay\n* slip\n  - paint')).toBe(
      '<p>Made of:</p><ul><li>clay</li><li>slip</li><li>paint</li></ul>',
    );
    expect(html('\r\n\r\n  \n')).toBe('');
  });

  it('makes bold, italic, nested emphasis and links', () => {
    expect(html('**Black-figure** on *red* _clay_')).toBe(
      '<p><strong>Black-figure</strong> on <em>red</em> <em>clay</em></p>',
    );
    expect(html('*a **b** c* and **a *b* c**')).toBe(
      '<p><em>a <strong>b</strong> c</em> and <strong>a <em>b</em> c</strong></p>',
    );
    expect(html('See [the **catalogue**](https://example.org/a?b=1&c=2) or [write](mailto:x@example.org).')).toBe(
      '<p>See <a href="https://example.org/a?b=1&amp;c=2" rel="noopener noreferrer nofollow">the <strong>catalogue</strong></a>' +
        ' or <a href="mailto:x@example.org" rel="noopener noreferrer nofollow">write</a>.</p>',
    );
  });

  it('leaves what is not emphasis as text', () => {
    expect(html('2 * 3 * 4 and a_b_c is 5 ** 2')).toBe('<p>2 * 3 * 4 and a_b_c is 5 ** 2</p>');
    expect(html('\\*not italic\\* and \\[not a link\\](x)')).toBe('<p>*not italic* and [not a link](x)</p>');
    expect(html('[unclosed](https://example.org')).toBe('<p>[unclosed](https://example.org</p>');
  });

  it('takes balanced parentheses into a link address, as CommonMark does', () => {
    const link = (href: string, label = 'x') => `<a href="${href}" rel="noopener noreferrer nofollow">${label}</a>`;
    expect(html('An [amphora](https://en.wikipedia.org/wiki/Amphora_(vessel)).')).toBe(
      `<p>An ${link('https://en.wikipedia.org/wiki/Amphora_(vessel)', 'amphora')}.</p>`,
    );
    expect(html('[x](https://example.org/a_(b_(c))d)')).toBe(`<p>${link('https://example.org/a_(b_(c))d')}</p>`);
    // A link inside parentheses still ends at its own `)`.
    expect(html('(see [x](https://example.org/a))')).toBe(`<p>(see ${link('https://example.org/a')})</p>`);
    expect(html('[x](https://example.org/a\\))')).toBe(`<p>${link('https://example.org/a)')}</p>`);
    expect(html('[x]( https://example.org/a )')).toBe(`<p>${link('https://example.org/a')}</p>`);
    // Unbalanced, or broken by a space: not a link, shown as the text it is.
    expect(html('[x](https://example.org/a(b)')).toBe('<p>[x](https://example.org/a(b)</p>');
    expect(html('[x](https://example.org/a b)')).toBe('<p>[x](https://example.org/a b)</p>');
  });

  it('leaves underscores inside words alone, and keeps emphasis with them at word edges', () => {
    expect(html('Call snake_case_name')).toBe('<p>Call snake_case_name</p>');
    expect(html('__init__x')).toBe('<p>__init__x</p>');
    expect(html('a__b__')).toBe('<p>a__b__</p>');
    expect(html('inv_no_1962_14 and слово_в_слове')).toBe('<p>inv_no_1962_14 and слово_в_слове</p>');
    expect(html('_emphasis_, (_aside_) and _two words_.')).toBe(
      '<p><em>emphasis</em>, (<em>aside</em>) and <em>two words</em>.</p>',
    );
    expect(html('_snake_case_ name')).toBe('<p><em>snake_case</em> name</p>');
    expect(html('[see file_name_here](https://example.org/a_b_c)')).toBe(
      '<p><a href="https://example.org/a_b_c" rel="noopener noreferrer nofollow">see file_name_here</a></p>',
    );
    // `*` may emphasize part of a word, in CommonMark as here.
    expect(html('un*frigging*believable')).toBe('<p>un<em>frigging</em>believable</p>');
  });

  it('never produces HTML from the text, and drops unsafe link targets', () => {
    expect(html('<img src=x onerror=alert(1)> <script>alert(1)</script>')).toBe(
      '<p>&lt;img src=x onerror=alert(1)&gt; &lt;script&gt;alert(1)&lt;/script&gt;</p>',
    );
    expect(html('[click](javascript:alert(1)) [data](data:text/html,x) [rel](/relative)')).toBe(
      '<p>click data rel</p>',
    );
    expect(html('[a](javascript:alert((1))) [b](javascript:x\\)) [c](JaVaScRiPt:x(1)//https://a.example)')).toBe(
      '<p>a b c</p>',
    );
    expect(safeHref('JAVASCRIPT:alert(1)')).toBeUndefined();
    expect(safeHref('vbscript:x')).toBeUndefined();
    expect(safeHref('https://example.org/')).toBe('https://example.org/');
    expect(html('[x](https://example.org/"onmouseover="alert(1))')).toBe(
      '<p><a href="https://example.org/%22onmouseover=%22alert(1)" rel="noopener noreferrer nofollow">x</a></p>',
    );
  });

  it('stays fast and shallow on hostile input', () => {
    const started = performance.now();
    for (const text of ['*a '.repeat(7000), '['.repeat(20_000), '[a]('.repeat(5000), '**'.repeat(10_000)]) {
      expect(html(text).length).toBeGreaterThan(0);
    }
    expect(html(`${'*x '.repeat(20)}deep${' x*'.repeat(20)}`)).toContain('deep');
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
