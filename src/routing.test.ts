import { describe, expect, it } from 'vitest';
import { hrefFor, parseRoute } from './routing.js';

describe('routes', () => {
  it('reads the artefact from the query', () => {
    expect(parseRoute('?artefact=amphora&kiosk')).toEqual({ page: 'artefact', id: 'amphora' });
    expect(parseRoute('?q=vase')).toEqual({ page: 'gallery' });
  });
  it('keeps kiosk mode and the emulator in every link, and nothing else', () => {
    expect(hrefFor({ page: 'artefact', id: 'amphora' }, '?q=vase')).toBe('?artefact=amphora');
    expect(hrefFor({ page: 'gallery' }, '?artefact=bust&q=x')).toBe('./');
    expect(hrefFor({ page: 'artefact', id: 'bust' }, '?kiosk&attract=tour&emulate=quest3')).toBe(
      '?artefact=bust&kiosk&attract=tour&emulate=quest3',
    );
    expect(hrefFor({ page: 'gallery' }, '?artefact=bust&kiosk=30')).toBe('?kiosk=30');
  });
  it('encodes ids', () => {
    expect(hrefFor({ page: 'artefact', id: 'a b' }, '')).toBe('?artefact=a+b');
  });
});
