import { describe, expect, it } from 'vitest';
import { ArtefactLoadError } from './artefact-load-error.js';
import { resolveInsideManifest } from './resolve-inside-manifest.js';

const PAGE = 'https://museum.example/app/';
const MANIFEST = 'https://museum.example/collection/amphora/artefact.json';

describe('files named by a manifest', () => {
  it.each([
    ['mobile.3f2a9c01b7de.glb', 'https://museum.example/collection/amphora/mobile.3f2a9c01b7de.glb'],
    ['images/handle detail.webp', 'https://museum.example/collection/amphora/images/handle%20detail.webp'],
    ['décor/amphore.webp', 'https://museum.example/collection/amphora/d%C3%A9cor/amphore.webp'],
    // Absolute, but inside the folder: the schema refuses it, this rule has no reason to.
    [`${MANIFEST.replace('artefact.json', 'x.glb')}`, 'https://museum.example/collection/amphora/x.glb'],
  ])('resolves %s inside the manifest folder', (file, expected) => {
    expect(resolveInsideManifest(MANIFEST, file, PAGE)).toBe(expected);
  });

  it('resolves against a relative manifest URL, and ignores the manifest query', () => {
    expect(resolveInsideManifest('../collection/amphora/artefact.json?v=2#x', 'mobile.glb', PAGE)).toBe(
      'https://museum.example/collection/amphora/mobile.glb',
    );
  });

  it("resolves a third party's manifest against its own folder", () => {
    expect(resolveInsideManifest('https://other.example/a/artefact.json', 'x.glb', PAGE)).toBe(
      'https://other.example/a/x.glb',
    );
  });

  // Several of these the schema already refuses: this is the second guard, for a manifest
  // that reaches the viewer some other way, or a schema that one day lets one through.
  it.each([
    ['a climb', '../x.glb'],
    ['a climb from a subfolder', 'images/../../x.glb'],
    ['a climb into a sibling whose name starts the same', '../amphora-evil/x.glb'],
    ['an absolute path', '/etc/passwd'],
    ['a space before an absolute path', ' /etc/passwd'],
    ['a protocol-relative URL', '//evil.example/x.glb'],
    ['another host', 'https://evil.example/x.glb'],
    ['another scheme', 'http://museum.example/collection/amphora/x.glb'],
    ['another port', 'https://museum.example:8443/collection/amphora/x.glb'],
    ['credentials', 'https://user:pw@museum.example/collection/amphora/x.glb'],
    ['line breaks that hide a host', '\n/\n/evil.example/x.png'],
    ['tabs that hide a host', '\t/\t/evil.example/x.png'],
    ['backslashes that climb', '..\\..\\x.glb'],
    ['backslashes that name a host', '\\\\evil.example\\x.glb'],
    ['an encoded climb', '%2e%2e/x.glb'],
    ['a half-encoded climb in upper case', '.%2E/x.glb'],
    ['encoded slashes a server may decode', 'x%2F..%2F..%2Fsecret'],
    ['encoded backslashes a server may decode', 'x%5c..%5csecret'],
    ['a query', 'x.glb?/evil'],
    ['an empty query', 'x.glb?'],
    ['a fragment', 'x.glb#top'],
    ['a javascript URL', 'javascript:alert(1)'],
    ['a data URL', 'data:image/png;base64,AAAA'],
    ['the folder itself', '.'],
    ['an unparseable URL', 'http://['],
  ])('refuses %s', (_, file) => {
    expect(() => resolveInsideManifest(MANIFEST, file, PAGE)).toThrow(ArtefactLoadError);
  });

  it('says on one line which file of which manifest was refused, and why', () => {
    let message = '';
    try {
      resolveInsideManifest(MANIFEST, '\n/\n/evil.example/x.png', PAGE);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toBe(
      `${MANIFEST} names "\\n/\\n/evil.example/x.png", which is not a file inside https://museum.example/collection/amphora/; the viewer loads only files beside their manifest`,
    );
  });
});
