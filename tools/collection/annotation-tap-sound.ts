// Writes the sample amphora's "tap test" recording (assets/samples/annotations/amphora-tap.wav):
// conservators tap a pot to hear whether its wall rings clear or sounds dull over a hidden
// crack. Like the sample scans, it is made from code rather than recorded: a knock and
// three decaying partials of a sound ceramic wall. Deterministic, 16 kHz mono, 16-bit.
//
//   npx tsx tools/collection/annotation-tap-sound.ts assets/samples/annotations/amphora-tap.wav
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const RATE = 16_000;
const SECONDS = 1.4;
/** Frequency (Hz), loudness and decay time (s) of each partial: ceramic partials are inharmonic. */
const PARTIALS: readonly [number, number, number][] = [
  [612, 0.5, 0.45],
  [1490, 0.28, 0.22],
  [2730, 0.14, 0.1],
];

export function tapSound(): Int16Array {
  const samples = new Int16Array(Math.round(RATE * SECONDS));
  let noise = 12345;
  for (let i = 0; i < samples.length; i++) {
    const t = i / RATE;
    let value = 0;
    for (const [frequency, level, decay] of PARTIALS)
      value += level * Math.exp(-t / decay) * Math.sin(2 * Math.PI * frequency * t);
    // The knuckle's knock: a few milliseconds of seeded noise.
    noise = (noise * 1103515245 + 12345) & 0x7fffffff;
    value += 0.3 * Math.exp(-t / 0.004) * (noise / 0x3fffffff - 1);
    const fade = Math.min(1, (SECONDS - t) / 0.05);
    samples[i] = Math.round(Math.max(-1, Math.min(1, value * 0.8 * fade)) * 32767);
  }
  return samples;
}

/** A PCM WAV file: the RIFF header then the samples, little-endian. */
export function wavFile(samples: Int16Array, rate: number): Uint8Array {
  const bytes = new Uint8Array(44 + samples.byteLength);
  const view = new DataView(bytes.buffer);
  const text = (offset: number, value: string) =>
    [...value].forEach((c, i) => view.setUint8(offset + i, c.charCodeAt(0)));
  text(0, 'RIFF');
  view.setUint32(4, 36 + samples.byteLength, true);
  text(8, 'WAVE');
  text(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, rate, true);
  view.setUint32(28, rate * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  text(36, 'data');
  view.setUint32(40, samples.byteLength, true);
  samples.forEach((sample, i) => view.setInt16(44 + i * 2, sample, true));
  return bytes;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = process.argv[2];
  if (!out) throw new Error('usage: annotation-tap-sound.ts <out.wav>');
  await writeFile(out, wavFile(tapSound(), RATE));
}
