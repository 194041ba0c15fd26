import { describe, expect, it } from 'vitest';
import { UsageError } from '../output.js';
import { resolveEndpoint } from './resolve-endpoint.js';

describe('resolveEndpoint', () => {
  it('prefers --endpoint, then AWS_ENDPOINT_URL_S3, then AWS_ENDPOINT_URL', () => {
    const env = { AWS_ENDPOINT_URL_S3: 'http://127.0.0.1:9000', AWS_ENDPOINT_URL: 'http://127.0.0.1:9001' };
    expect(resolveEndpoint('https://s3.example.org/', env)).toBe('https://s3.example.org');
    expect(resolveEndpoint(undefined, env)).toBe('http://127.0.0.1:9000');
    expect(resolveEndpoint(undefined, { AWS_ENDPOINT_URL: 'http://127.0.0.1:9001' })).toBe('http://127.0.0.1:9001');
  });

  it('is undefined (AWS S3 itself) when nothing names a store', () => {
    expect(resolveEndpoint(undefined, {})).toBeUndefined();
  });

  it('refuses what is not a web address, naming where it came from', () => {
    expect(() => resolveEndpoint('s3.example.org', {})).toThrow(UsageError);
    expect(() => resolveEndpoint('s3.example.org', {})).toThrow(/^--endpoint must be/);
    expect(() => resolveEndpoint(undefined, { AWS_ENDPOINT_URL: 'ftp://x' })).toThrow(/^AWS_ENDPOINT_URL must be/);
  });
});
