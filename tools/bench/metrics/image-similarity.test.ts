import { describe, expect, it } from 'vitest';
import { renderSimilarity, type RgbaImage } from './image-similarity.js';

/** A white 64² image with a grey gradient square in the middle, optionally noised. */
function render(noise = 0): RgbaImage {
  const width = 64;
  const height = 64;
  const data = new Uint8ClampedArray(width * height * 4).fill(255);
  for (let y = 16; y < 48; y++) {
    for (let x = 16; x < 48; x++) {
      const i = (y * width + x) * 4;
      const value = 40 + x * 2 + y + (((x * 7 + y * 13) % 5) - 2) * noise;
      data[i] = data[i + 1] = data[i + 2] = value;
    }
  }
  return { data, width, height };
}

describe('renderSimilarity', () => {
  it('is 1 for identical images', () => {
    expect(renderSimilarity(render(), render())).toBeCloseTo(1, 10);
  });

  it('is below 1 when the object differs', () => {
    const similarity = renderSimilarity(render(), render(20));
    expect(similarity).toBeLessThan(0.99);
    expect(similarity).toBeGreaterThan(0);
  });

  it('is 1 for two empty frames', () => {
    const empty: RgbaImage = { data: new Uint8ClampedArray(32 * 32 * 4).fill(255), width: 32, height: 32 };
    expect(renderSimilarity(empty, empty)).toBe(1);
  });
});
