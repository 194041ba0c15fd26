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

  // Each is a name that `new URL` (or a server decoding it) reads as another place than
  // it says: tabs and line breaks are dropped, leading controls and spaces stripped, `\`
  // read as `/`, `%2e` as a dot, and `?`/`#` end the path.
  it.each([
    ['a line break that hides a host', '\n/\n/evil.example/x.png'],
    ['a tab that hides a host', '\t/\t/evil.example/x.png'],
    ['a carriage return', 'x\r.png'],
    ['a NUL', 'x.png\u0000.txt'],
    ['DEL', 'x\u007f.png'],
    ['a C1 control', 'x\u0085.png'],
    ['a leading space before a slash', ' /etc/passwd'],
    ['a leading space in a folder', 'images/ x.png'],
    ['a trailing space', 'x.png '],
    ['a no-break space', 'x\u00a0y.png'],
    ['an ideographic space', 'x\u3000y.png'],
    ['a line separator', 'x\u2028y.png'],
    ['a byte order mark', '\ufeffx.png'],
    ['backslashes that climb', '..\\..\\x.png'],
    ['an encoded climb', '%2e%2e/x.png'],
    ['an encoded climb in upper case', '%2E%2E/x.png'],
    ['a half-encoded climb', '.%2e/x.png'],
    ['an encoded slash', '..%2fx.png'],
    ['an encoded backslash', '..%5Cx.png'],
    ['an encoded space', 'handle%20detail.webp'],
    ['a query', 'x.png?/evil'],
    ['a fragment', 'x.png#top'],
    ['a protocol-relative URL', '//evil.example/x.png'],
    ['a data URL', 'data:image/png;base64,AAAA'],
    ['a drive letter', 'C:/x.png'],
    ['a climb in the middle', 'images/../../x.png'],
    ['a trailing slash', 'images/'],
  ])('refuses %s', (_, file) => {
    const parsed = relativeFileSchema.safeParse(file);
    expect(parsed.success, JSON.stringify(file)).toBe(false);
    expect(parsed.error?.issues[0]?.message).toMatch(/^must be a plain relative path/);
  });

  it.each(['images/handle detail.webp', 'audio/tap.en.vtt', 'décor/amphore.webp', 'a-b_c~d(1).png'])(
    'accepts the plain name %s',
    (file) => {
      expect(relativeFileSchema.safeParse(file).success).toBe(true);
    },
  );
});
