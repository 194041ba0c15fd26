import { describe, expect, it } from 'vitest';
import { UniqueNames, UsdaWriter, formatFloat, formatTuple, quoteString, toUsdIdentifier } from './usdz-text.js';

describe('USDA text', () => {
  it('writes floats compactly, to 7 significant digits', () => {
    expect(formatFloat(1)).toBe('1');
    expect(formatFloat(-0)).toBe('0');
    expect(formatFloat(0.5)).toBe('0.5');
    expect(formatFloat(Math.fround(0.1))).toBe('0.1');
    expect(formatFloat(Math.fround(17.029876))).toBe('17.02988');
    expect(formatFloat(-1.234567891e-7)).toBe('-1.234568e-7');
    expect(formatFloat(-1e-9, 5)).toBe('-1e-9');
    expect(formatFloat(-0.000001, 1)).toBe('-0.000001');
    expect(formatFloat(Infinity)).toBe('inf');
    expect(formatFloat(NaN)).toBe('nan');
    expect(formatTuple([1, 0.25, -2])).toBe('(1, 0.25, -2)');
    // 7 digits hold a float32 to within half a unit of the 7th digit.
    for (const value of [0.123456789, 3.14159265, 1234.5678, 0.000987654321]) {
      const f = Math.fround(value);
      expect(Math.abs(Number(formatFloat(f)) - f) / f).toBeLessThanOrEqual(5e-7);
    }
  });

  it('escapes strings', () => {
    expect(quoteString('Vase "Ming"')).toBe('"Vase \\"Ming\\""');
    expect(quoteString('a\\b\nc\td\u0001')).toBe('"a\\\\b\\nc\\td\\x01"');
    expect(quoteString('Vénus')).toBe('"Vénus"');
  });

  it('makes valid, unique identifiers', () => {
    expect(toUsdIdentifier('Vénus de Milo (cast)', 'X')).toBe('Venus_de_Milo_cast');
    expect(toUsdIdentifier('3D scan', 'X')).toBe('_3D_scan');
    expect(toUsdIdentifier('雕像', 'Mesh')).toBe('Mesh');
    expect(toUsdIdentifier('', 'Mesh')).toBe('Mesh');
    const names = new UniqueNames();
    expect(['a b', 'a_b', 'a-b', 'A_b'].map((name) => names.take(name, 'X'))).toEqual(['a_b', 'a_b_1', 'a_b_2', 'A_b']);
    for (const name of ['a_b_1', '0', '', '!!']) expect(names.take(name, 'X')).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/);
  });

  it('indents nested blocks and their metadata', () => {
    const out = new UsdaWriter();
    out.open('def Xform "Root"', ['kind = "component"']).line('token a = "b"').open('def Scope "S"').close().close();
    expect(out.toString()).toBe(
      [
        'def Xform "Root" (',
        '    kind = "component"',
        ')',
        '{',
        '    token a = "b"',
        '    def Scope "S"',
        '    {',
        '    }',
        '}',
        '',
      ].join('\n'),
    );
  });
});
