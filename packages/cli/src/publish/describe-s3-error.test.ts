import { describe, expect, it } from 'vitest';
import { describeS3Error, isNetworkError } from './describe-s3-error.js';

const context = { target: { bucket: 'exhibits', prefix: 'site/' }, endpoint: 'http://127.0.0.1:9000' };

/** An error shaped as the SDK throws it: named by the S3 error code, with the HTTP status. */
function storeError(name: string, status: number): Error {
  return Object.assign(new Error(`${name} happened`), { name, $metadata: { httpStatusCode: status } });
}

describe('describeS3Error', () => {
  it.each([
    [Object.assign(new Error('Could not load'), { name: 'CredentialsProviderError' }), /AWS_ACCESS_KEY_ID/],
    [Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }), /cannot reach .*127\.0\.0\.1:9000/],
    [Object.assign(new Error('timed out'), { name: 'TimeoutError' }), /cannot reach/],
    [storeError('NoSuchBucket', 404), /no bucket "exhibits" at http:\/\/127\.0\.0\.1:9000: create it first/],
    [storeError('InvalidAccessKeyId', 403), /does not know the access key/],
    [storeError('SignatureDoesNotMatch', 403), /secret key/],
    [storeError('AccessDenied', 403), /may not list and write s3:\/\/exhibits\/site/],
    [storeError('PermanentRedirect', 301), /AWS_REGION/],
    [storeError('Forbidden', 403), /refused access/],
    [storeError('NotFound', 404), /check --endpoint/],
    [storeError('InternalError', 500), /answered 500: InternalError happened/],
  ])('explains %s', (error, message) => {
    const line = describeS3Error(error, context);
    expect(line).toMatch(message);
    expect(line).not.toContain('\n');
  });

  it('names AWS S3 when no endpoint is given', () => {
    expect(describeS3Error(storeError('NoSuchBucket', 404), { ...context, endpoint: undefined })).toContain('AWS S3');
  });
});

describe('isNetworkError', () => {
  it('tells the network failing from the store answering', () => {
    expect(isNetworkError(Object.assign(new Error('x'), { code: 'ENOTFOUND' }))).toBe(true);
    expect(isNetworkError(storeError('InternalError', 500))).toBe(false);
    expect(isNetworkError(undefined)).toBe(false);
  });
});
