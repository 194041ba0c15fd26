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
    expect(html('2 * 3 * 4 and a_b_c is 5 ** 2')).toBe('<p>2 * 3 * 4 and a<em>b</em>c is 5 ** 2</p>');
    expect(html('\\*not italic\\* and \\[not a link\\](x)')).toBe('<p>*not italic* and [not a link](x)</p>');
    expect(html('[unclosed](https://example.org')).toBe('<p>[unclosed](https://example.org</p>');
  });

  it('never produces HTML from the text, and drops unsafe link targets', () => {
    expect(html('<img src=x onerror=alert(1)> <script>alert(1)</script>')).toBe(
      '<p>&lt;img src=x onerror=alert(1)&gt; &lt;script&gt;alert(1)&lt;/script&gt;</p>',
    );
    expect(html('[click](javascript:alert(1)) [data](data:text/html,x) [rel](/relative)')).toBe(
      '<p>click) data rel</p>',
    );
    expect(safeHref('JAVASCRIPT:alert(1)')).toBeUndefined();
    expect(safeHref('vbscript:x')).toBeUndefined();
    expect(safeHref('https://example.org/')).toBe('https://example.org/');
    expect(html('[x](https://example.org/"onmouseover="alert(1))')).toBe(
      '<p><a href="https://example.org/%22onmouseover=%22alert(1" rel="noopener noreferrer nofollow">x</a>)</p>',
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
