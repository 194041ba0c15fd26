import { describe, expect, it } from 'vitest';
import { formatMetres, parseLength, toMetres } from './units.js';

describe('parseLength', () => {
  it('reads lengths as curators type them', () => {
    expect(parseLength('23cm')).toEqual({ value: 23, unit: 'cm' });
    expect(parseLength(' 0.4 m ')).toEqual({ value: 0.4, unit: 'm' });
    expect(parseLength('12.5IN')).toEqual({ value: 12.5, unit: 'in' });
  });

  it('refuses what is not a positive length with a unit', () => {
    for (const text of ['23', 'cm', '-3cm', '0mm', '3 feet', '']) expect(parseLength(text)).toBeUndefined();
  });
});

describe('toMetres and formatMetres', () => {
  it('converts each unit', () => {
    expect(toMetres({ value: 250, unit: 'mm' })).toBeCloseTo(0.25);
    expect(toMetres({ value: 10, unit: 'in' })).toBeCloseTo(0.254);
  });

  it('formats small things in mm or cm and large in m, in the visitor’s number format', () => {
    expect(formatMetres(0.005)).toBe('5 mm');
    expect(formatMetres(0.453)).toBe('45.3 cm');
    expect(formatMetres(1.5)).toBe('1.5 m');
    expect(formatMetres(0.453, 'fr')).toBe('45,3 cm');
  });
});
