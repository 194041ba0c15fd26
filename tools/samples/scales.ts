// How big each sample is at each scale, in one place: the generator builds from these and
// the tests check budgets against them without having to build the full-size files.

/** `full` is the collection `npm start` shows; `small` is the same kinds of file, for fast tests. */
export type SampleScale = 'full' | 'small';

export interface AmphoraSize {
  /** Vertices around the body (divisible by 32, the most charts a band is cut into). */
  readonly columns: number;
  /** Row intervals along the profile, from the outer base over the lip to the inner base. */
  readonly rows: number;
  /** Bands the profile is cut into; each band is then cut into 2 to 32 charts around. */
  readonly bands: number;
  readonly handleAround: number;
  readonly handleAlong: number;
  readonly textureSize: number;
  readonly gutter: number;
}

export interface BustSize {
  readonly columns: number;
  readonly rows: number;
}

export interface TabletSize {
  /** Cells across and up the carved face; the back has as many, as quads. */
  readonly across: number;
  readonly up: number;
  readonly textureSize: number;
  readonly gutter: number;
}

export const AMPHORA_SIZES: Readonly<Record<SampleScale, AmphoraSize>> = {
  full: { columns: 384, rows: 376, bands: 20, handleAround: 24, handleAlong: 128, textureSize: 4096, gutter: 6 },
  small: { columns: 96, rows: 64, bands: 20, handleAround: 12, handleAlong: 24, textureSize: 512, gutter: 2 },
};

export const BUST_SIZES: Readonly<Record<SampleScale, BustSize>> = {
  full: { columns: 200, rows: 220 },
  small: { columns: 40, rows: 44 },
};

export const TABLET_SIZES: Readonly<Record<SampleScale, TabletSize>> = {
  full: { across: 150, up: 105, textureSize: 2048, gutter: 6 },
  small: { across: 30, up: 21, textureSize: 256, gutter: 2 },
};
