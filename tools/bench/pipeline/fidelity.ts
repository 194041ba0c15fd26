import { prepareSurface, surfaceDeviation, type PreparedSurface } from '../metrics/hausdorff.js';
import { decodePng, renderSimilarity, type RgbaImage } from '../metrics/image-similarity.js';
import { boundsDiagonal, soupBounds, triangleCount, type Bounds, type TriangleSoup } from '../metrics/triangle-soup.js';
import type { BenchRenderer } from '../render/bench-renderer.js';
import type { ViewDirection } from '../render/views.js';

export interface FidelitySettings {
  /** Surface samples drawn on each mesh for the Hausdorff distance. */
  readonly samples: number;
  readonly views: readonly ViewDirection[];
  /** Render size in pixels (square). */
  readonly size: number;
}

export interface Fidelity {
  /** Symmetric Hausdorff distance, % of the source's bounding-box diagonal. */
  readonly hausdorffPct: number;
  /** Mean surface distance (both directions), % of the diagonal. */
  readonly meanDeviationPct: number;
  /** Mean SSIM over the views; 1 is identical to the source's renders. */
  readonly ssim: number;
  readonly ssimByView: Readonly<Record<string, number>>;
}

/**
 * The source as every output is compared with it: its surface sampled and indexed, and its
 * renders, each made once per source. The camera frames the source's bounds for every
 * model, so an output that moved or shrank shows it.
 */
export class SourceReference {
  private constructor(
    private readonly settings: FidelitySettings,
    private readonly surface: PreparedSurface,
    readonly bounds: Bounds,
    readonly diagonal: number,
    private readonly renders: readonly RgbaImage[],
    readonly pngs: readonly Buffer[],
  ) {}

  static async create(
    glb: Uint8Array,
    soup: TriangleSoup,
    renderer: BenchRenderer,
    settings: FidelitySettings,
  ): Promise<SourceReference> {
    const bounds = soupBounds(soup);
    const rendered = await renderer.render(glb, bounds, settings.views, settings.size);
    const renders = await Promise.all(rendered.pngs.map(decodePng));
    // Seeds differ between source and outputs so that no output shares the source's points.
    const surface = prepareSurface(soup, settings.samples, 1);
    return new SourceReference(settings, surface, bounds, boundsDiagonal(bounds), renders, rendered.pngs);
  }

  async compare(glb: Uint8Array, soup: TriangleSoup, renderer: BenchRenderer): Promise<Fidelity & { pngs: Buffer[] }> {
    const deviation = surfaceDeviation(this.surface, prepareSurface(soup, this.settings.samples, 2));
    const rendered = await renderer.render(glb, this.bounds, this.settings.views, this.settings.size);
    if (rendered.triangles !== triangleCount(soup)) {
      // The page and our reader disagree about the file: the scores would compare the wrong thing.
      throw new Error(`the render page drew ${rendered.triangles} triangles of ${triangleCount(soup)}`);
    }
    const images = await Promise.all(rendered.pngs.map(decodePng));
    const ssimByView: Record<string, number> = {};
    this.settings.views.forEach((view, i) => (ssimByView[view.name] = renderSimilarity(this.renders[i]!, images[i]!)));
    const scores = Object.values(ssimByView);
    return {
      hausdorffPct: (deviation.max / this.diagonal) * 100,
      meanDeviationPct: (deviation.mean / this.diagonal) * 100,
      ssim: scores.reduce((sum, score) => sum + score, 0) / scores.length,
      ssimByView,
      pngs: rendered.pngs,
    };
  }
}
