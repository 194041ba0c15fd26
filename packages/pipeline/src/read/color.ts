/**
 * Scan formats store colours as sRGB, the way they look on screen; glTF's COLOR_0 and
 * baseColorFactor are linear. Converting here keeps the colours the curator saw.
 */
export function srgbToLinear(value: number): number {
  const clamped = Math.min(1, Math.max(0, value));
  return clamped <= 0.04045 ? clamped / 12.92 : ((clamped + 0.055) / 1.055) ** 2.4;
}

/** srgbToLinear for each 8-bit value, as most scans store colour that way. */
export const SRGB_BYTE_TO_LINEAR: Readonly<Float32Array> = Float32Array.from({ length: 256 }, (_, byte) =>
  srgbToLinear(byte / 255),
);
