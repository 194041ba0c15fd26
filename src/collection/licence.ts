/** Creative Commons licences, as SPDX names them: CC-BY-4.0, CC-BY-NC-SA-3.0, … */
const CREATIVE_COMMONS = /^CC-(BY(?:-NC)?(?:-SA|-ND)?)-(\d\.\d)$/i;
/** What an SPDX identifier may hold; anything else is shown as text and not linked. */
const SPDX_ID = /^[A-Za-z0-9.+-]{1,100}$/;

/**
 * Where a visitor reads the licence a scan is under: the Creative Commons deed for CC
 * licences (the page people recognise), the SPDX entry for the others. A link only,
 * never fetched.
 */
export function licenceUrl(spdx: string): string | undefined {
  if (/^CC0-1\.0$/i.test(spdx)) return 'https://creativecommons.org/publicdomain/zero/1.0/';
  if (/^PDM$/i.test(spdx)) return 'https://creativecommons.org/publicdomain/mark/1.0/';
  const cc = CREATIVE_COMMONS.exec(spdx);
  if (cc) return `https://creativecommons.org/licenses/${cc[1]!.toLowerCase()}/${cc[2]}/`;
  return SPDX_ID.test(spdx) ? `https://spdx.org/licenses/${spdx}.html` : undefined;
}

/** "CC BY 4.0" rather than "CC-BY-4.0": the name Creative Commons asks credits to use. */
export function licenceName(spdx: string): string {
  if (/^CC0-1\.0$/i.test(spdx)) return 'CC0 1.0';
  const cc = CREATIVE_COMMONS.exec(spdx);
  return cc ? `CC ${cc[1]!.toUpperCase()} ${cc[2]}` : spdx;
}
