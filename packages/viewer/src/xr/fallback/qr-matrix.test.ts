import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { encodeQrMatrix, QR_QUIET_ZONE, qrModulesPath, type QrMatrix } from './qr-matrix.js';
import { QrCode } from './QrCode.js';

/** The cells a path of `M x y h n v1 h-n z` rectangles covers, as "x,y". */
function coveredCells(path: string): string[] {
  const cells: string[] = [];
  const commands = path.match(/M\d+ \d+h\d+v1h-\d+z/g) ?? [];
  expect(commands.join('')).toBe(path); // nothing in the path but such rectangles
  for (const command of commands) {
    const [, x, y, run, back] = /^M(\d+) (\d+)h(\d+)v1h-(\d+)z$/.exec(command)!.map(Number) as number[];
    expect(back).toBe(run);
    for (let dx = 0; dx < run!; dx += 1) cells.push(`${x! + dx},${y}`);
  }
  return cells;
}

function darkCells(matrix: QrMatrix): string[] {
  return matrix.modules.flatMap((row, y) => row.flatMap((dark, x) => (dark ? [`${x},${y}`] : [])));
}

/** The 7 × 7 finder pattern: a dark ring, a light ring, a dark 3 × 3 centre. */
function finderAt(matrix: QrMatrix, left: number, top: number): boolean {
  for (let y = 0; y < 7; y += 1) {
    for (let x = 0; x < 7; x += 1) {
      const ring = Math.max(Math.abs(x - 3), Math.abs(y - 3));
      if (matrix.modules[top + y]![left + x] !== (ring !== 2)) return false;
    }
  }
  return true;
}

describe('encodeQrMatrix', () => {
  it('sizes the code for its version, with no border of its own', () => {
    const small = encodeQrMatrix('HELLO WORLD');
    expect(small.version).toBe(1);
    expect(small.size).toBe(21);
    // A 100-byte URL is over version 5's 84 bytes at level M and within version 6's 106.
    const page = 'https://museum.example/gallery/amphora?ar=1#';
    const url = page + 'x'.repeat(100 - page.length);
    expect(url).toHaveLength(100);
    const large = encodeQrMatrix(url);
    expect(large.version).toBe(6);
    for (const matrix of [small, large]) {
      expect(matrix.size).toBe(17 + 4 * matrix.version);
      expect(matrix.modules).toHaveLength(matrix.size);
      for (const row of matrix.modules) expect(row).toHaveLength(matrix.size);
      // Finder patterns flush with three corners: the quiet zone is not part of the matrix.
      expect(finderAt(matrix, 0, 0)).toBe(true);
      expect(finderAt(matrix, matrix.size - 7, 0)).toBe(true);
      expect(finderAt(matrix, 0, matrix.size - 7)).toBe(true);
    }
  });
});

describe('qrModulesPath', () => {
  it('covers exactly the dark modules, once each', () => {
    for (const text of ['HELLO WORLD', 'https://museum.example/gallery/amphora?lang=fr&ar=1#annotation=handle']) {
      const matrix = encodeQrMatrix(text);
      const cells = coveredCells(qrModulesPath(matrix));
      expect(new Set(cells).size).toBe(cells.length);
      expect(cells.sort()).toEqual(darkCells(matrix).sort());
    }
  });

  it('merges a row’s run of dark modules into one rectangle', () => {
    const matrix: QrMatrix = {
      version: 1,
      size: 4,
      modules: [
        [true, true, true, false],
        [false, false, false, false],
        [true, false, true, true],
        [false, true, false, false],
      ],
    };
    expect(qrModulesPath(matrix)).toBe('M0 0h3v1h-3zM0 2h1v1h-1zM2 2h2v1h-2zM1 3h1v1h-1z');
  });
});

describe('QrCode', () => {
  it('draws a labelled image with a four-module quiet zone around the modules', () => {
    const text = 'https://museum.example/a?ar=1';
    const matrix = encodeQrMatrix(text);
    const side = matrix.size + 2 * QR_QUIET_ZONE;
    const html = renderToStaticMarkup(createElement(QrCode, { text, label: 'QR code of the link below' }));
    expect(html).toContain('role="img"');
    expect(html).toContain('aria-label="QR code of the link below"');
    expect(html).toContain(`viewBox="-4 -4 ${side} ${side}"`);
    expect(html).toContain(`<rect x="-4" y="-4" width="${side}" height="${side}" fill="#fff"></rect>`);
    expect(html).toContain(`<path d="${qrModulesPath(matrix)}" fill="#000"></path>`);
  });
});
