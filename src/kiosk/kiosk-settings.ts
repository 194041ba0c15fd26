import { kioskConfigSchema, type KioskConfig } from '@vitrine/core';

export interface KioskSettings {
  /** Without a touch, a click or a key for this long, the installation starts again. */
  idleMs: number;
  attract: KioskConfig['attract'];
  /** How long each artefact is shown in the idle loop. */
  attractMs: number;
}

/** Shortest idle time the address may ask for: shorter would restart under a reading visitor. */
const MIN_IDLE_SECONDS = 3;

/**
 * Kiosk mode and its timings: on with `?kiosk` in the address or `kiosk.always` in the
 * collection's settings. The address may shorten or lengthen the collection's timings:
 * `?kiosk=60` (idle seconds), `&attract=tour`, `&attract-seconds=20`.
 */
export function kioskSettings(search: string, config: KioskConfig | undefined): KioskSettings | undefined {
  const query = new URLSearchParams(search);
  if (!query.has('kiosk') && !config?.always) return undefined;
  const base = config ?? kioskConfigSchema.parse({});
  const idle = seconds(query.get('kiosk'), MIN_IDLE_SECONDS) ?? base.idleSeconds;
  const attractSeconds = seconds(query.get('attract-seconds'), 1) ?? base.attractSeconds;
  const attract = query.get('attract');
  return {
    idleMs: idle * 1000,
    attract: attract === 'tour' || attract === 'turn' ? attract : base.attract,
    attractMs: attractSeconds * 1000,
  };
}

function seconds(value: string | null, minimum: number): number | undefined {
  if (!value) return undefined;
  const number = Number(value);
  return Number.isFinite(number) && number >= minimum ? number : undefined;
}
