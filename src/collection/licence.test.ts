import { describe, expect, it } from 'vitest';
import { licenceName, licenceUrl } from './licence.js';

describe('licenceUrl', () => {
  it.each([
    ['CC-BY-4.0', 'https://creativecommons.org/licenses/by/4.0/'],
    ['CC-BY-NC-SA-4.0', 'https://creativecommons.org/licenses/by-nc-sa/4.0/'],
    ['CC-BY-ND-3.0', 'https://creativecommons.org/licenses/by-nd/3.0/'],
    ['CC0-1.0', 'https://creativecommons.org/publicdomain/zero/1.0/'],
    ['MIT', 'https://spdx.org/licenses/MIT.html'],
  ])('%s → %s', (spdx, url) => {
    expect(licenceUrl(spdx)).toBe(url);
  });
  it('links nothing that is not an identifier', () => {
    expect(licenceUrl('All rights reserved, ask the museum')).toBeUndefined();
    expect(licenceUrl('javascript:alert(1)')).toBeUndefined();
  });
});

describe('licenceName', () => {
  it('writes Creative Commons licences as they ask to be credited', () => {
    expect(licenceName('CC-BY-4.0')).toBe('CC BY 4.0');
    expect(licenceName('CC-BY-NC-SA-4.0')).toBe('CC BY-NC-SA 4.0');
    expect(licenceName('CC0-1.0')).toBe('CC0 1.0');
    expect(licenceName('MIT')).toBe('MIT');
  });
});
