import { useMemo } from 'react';
import { encodeQrMatrix, QR_QUIET_ZONE, qrModulesPath } from './qr-matrix.js';

export interface QrCodeProps {
  /** What the code carries: a URL. */
  text: string;
  /** The image's accessible name (the code itself says nothing to a screen reader). */
  label: string;
}

/**
 * A QR code as SVG: a white square with the quiet zone, and one path of black modules.
 * Black on white whatever the page's theme, because cameras look for dark modules on a
 * light ground; crisp edges, because anti-aliased seams between modules blur them.
 */
export function QrCode({ text, label }: QrCodeProps) {
  const matrix = useMemo(() => encodeQrMatrix(text), [text]);
  const path = useMemo(() => qrModulesPath(matrix), [matrix]);
  const side = matrix.size + 2 * QR_QUIET_ZONE;
  return (
    <svg
      className="vitrine-qr-code"
      role="img"
      aria-label={label}
      viewBox={`${-QR_QUIET_ZONE} ${-QR_QUIET_ZONE} ${side} ${side}`}
      shapeRendering="crispEdges"
      data-qr-version={matrix.version}
    >
      <rect x={-QR_QUIET_ZONE} y={-QR_QUIET_ZONE} width={side} height={side} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
