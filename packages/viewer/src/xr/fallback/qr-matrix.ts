import { encode } from 'uqr';

/**
 * The QR code's modules, `true` for dark, row by row, without the quiet zone (the SVG
 * draws it). Only the "View on your phone" dialog imports this file, so uqr stays out of
 * the viewer's first download.
 */
export interface QrMatrix {
  /** The QR version (1 to 40): the code is 17 + 4 × version modules wide. */
  version: number;
  size: number;
  modules: readonly (readonly boolean[])[];
}

/**
 * The light margin the standard asks for around a code, in modules (ISO/IEC 18004):
 * phone cameras find a code by its finder patterns, and a dark page edge touching them
 * breaks that.
 */
export const QR_QUIET_ZONE = 4;

/**
 * Level M recovers about 15% of the code: enough for a photo of a screen taken at an angle,
 * with moiré, glare or a finger's smudge, while keeping a page URL at a version with
 * modules large enough to read from across a table. `boostEcc` takes a higher level when
 * the text leaves room for it at the same version, which costs nothing in size.
 */
export function encodeQrMatrix(text: string): QrMatrix {
  const { version, size, data } = encode(text, { ecc: 'M', boostEcc: true, border: 0 });
  return { version, size, modules: data };
}

/**
 * An SVG path that covers exactly the dark modules, one unit a module: each run of dark
 * modules along a row is one rectangle, so a version 5 code is a few hundred short
 * commands rather than a thousand `<rect>` elements.
 */
export function qrModulesPath(matrix: QrMatrix): string {
  const commands: string[] = [];
  matrix.modules.forEach((row, y) => {
    let x = 0;
    while (x < row.length) {
      if (!row[x]) {
        x += 1;
        continue;
      }
      const start = x;
      while (x < row.length && row[x]) x += 1;
      const run = x - start;
      commands.push(`M${start} ${y}h${run}v1h-${run}z`);
    }
  });
  return commands.join('');
}
