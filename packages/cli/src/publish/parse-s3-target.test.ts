import { describe, expect, it } from 'vitest';
import { UsageError } from '../output.js';
import { formatS3Target, parseS3Target } from './parse-s3-target.js';

describe('parseS3Target', () => {
  it.each([
    ['s3://exhibits', { bucket: 'exhibits', prefix: '' }],
    ['s3://exhibits/', { bucket: 'exhibits', prefix: '' }],
    ['s3://exhibits/site', { bucket: 'exhibits', prefix: 'site/' }],
    ['s3://exhibits/site/', { bucket: 'exhibits', prefix: 'site/' }],
    ['s3://my.bucket-2/museum//2026/collection', { bucket: 'my.bucket-2', prefix: 'museum/2026/collection/' }],
    ['s3://exhibits/Sammlung Ölberg', { bucket: 'exhibits', prefix: 'Sammlung Ölberg/' }],
  ])('reads %s', (url, target) => {
    expect(parseS3Target(url)).toEqual(target);
  });

  it.each([
    ['s3:/x', /must look like s3:\/\/bucket\/folder/],
    ['x', /must look like s3:\/\/bucket\/folder/],
    ['https://s3.example.org/exhibits', /--endpoint/],
    ['S3://exhibits', /must look like/],
    ['s3://', /needs a bucket name/],
    ['s3:///site', /needs a bucket name/],
    ['s3://Exhibits', /not a bucket name/],
    ['s3://ab', /not a bucket name/],
    ['s3://exhibits/a/../b', /cannot contain/],
  ])('refuses %s with a usage error that says what to write', (url, message) => {
    expect(() => parseS3Target(url)).toThrow(UsageError);
    expect(() => parseS3Target(url)).toThrow(message);
  });
});

describe('formatS3Target', () => {
  it('writes the target back without a trailing slash', () => {
    expect(formatS3Target({ bucket: 'exhibits', prefix: 'site/2026/' })).toBe('s3://exhibits/site/2026');
    expect(formatS3Target({ bucket: 'exhibits', prefix: '' })).toBe('s3://exhibits');
  });
});
