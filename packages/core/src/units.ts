import { z } from './zod.js';

/** Length units a curator may state for a scan; glTF itself is always metres. */
export const lengthUnitSchema = z.enum(['mm', 'cm', 'm', 'in']);
export type LengthUnit = z.infer<typeof lengthUnitSchema>;

export const METRES_PER_UNIT: Readonly<Record<LengthUnit, number>> = Object.freeze({
  mm: 0.001,
  cm: 0.01,
  m: 1,
  in: 0.0254,
});

/** A length as a curator types it: "23cm", "0.4 m", "12.5in". */
export interface Length {
  value: number;
  unit: LengthUnit;
}

/**
 * Parses "23cm" or "0.4 m". Returns undefined for anything else, so the caller can say
 * what was wrong in words the curator understands.
 */
export function parseLength(text: string): Length | undefined {
  const match = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*(mm|cm|m|in)\s*$/i.exec(text);
  if (!match) return undefined;
  const value = Number(match[1]);
  if (!Number.isFinite(value) || value <= 0) return undefined;
  return { value, unit: match[2]!.toLowerCase() as LengthUnit };
}

export function toMetres(length: Length): number {
  return length.value * METRES_PER_UNIT[length.unit];
}

/** Formats metres for people: millimetres for small things, centimetres, then metres. */
export function formatMetres(metres: number, locale = 'en'): string {
  const format = (value: number, unit: string) =>
    `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value)} ${unit}`;
  if (metres < 0.01) return format(metres * 1000, 'mm');
  if (metres < 1) return format(metres * 100, 'cm');
  return format(metres, 'm');
}
