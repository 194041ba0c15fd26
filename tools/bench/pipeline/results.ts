import type { Fidelity } from './fidelity.js';
import type { MachineNote } from '../machine.js';
import type { ToolName } from './tool-commands.js';

/** The shape of .cache/bench/pipeline-results.json: everything the tables are printed from. */
export interface BenchResults {
  readonly generated: string;
  readonly command: string;
  readonly machine: MachineNote;
  readonly settings: BenchSettings;
  readonly sources: readonly SourceOutcome[];
  readonly summary: Summary;
}

export interface BenchSettings {
  readonly quick: boolean;
  readonly only: string | undefined;
  readonly runs: number;
  readonly samples: number;
  readonly views: readonly string[];
  readonly renderSize: number;
}

export type SourceOutcome = SourceResult | SourceNotRun;

export interface SourceNotRun {
  readonly name: string;
  readonly status: 'skipped' | 'failed';
  readonly reason: string;
}

export interface SourceResult {
  readonly name: string;
  readonly status: 'ok';
  readonly description: string;
  /** The scan as given, relative to the repository. */
  readonly file: string;
  readonly input: { readonly bytes: number; readonly triangles: number; readonly diagonal: number };
  readonly tools: readonly ToolResult[];
  readonly verdict: Verdict;
}

export interface ToolResult {
  readonly tool: ToolName;
  readonly commandLine: string;
  readonly bytes: number;
  readonly triangles: number;
  /** Triangles relative to ours, in %: how close a peer came to "the same count". */
  readonly trianglesVsOursPct: number;
  readonly wallMs: number;
  readonly wallRunsMs: readonly number[];
  readonly peakRssBytes: number | undefined;
  readonly textures: string;
  readonly ratio?: number;
  readonly ratioAttempts?: number;
  readonly inside?: Readonly<Record<string, number>>;
  readonly fidelity: Fidelity;
}

/** The product owner's goal, source by source: bytes ≤ smaller peer, fidelity ≥ better peer, faster than gltf-transform. */
export interface Verdict {
  /** Our bytes / the smaller peer's bytes: ≤ 1 meets the goal. */
  readonly bytesRatio: number;
  /** Our Hausdorff − the better peer's, in percentage points of the diagonal: ≤ 0 meets it. */
  readonly hausdorffDeltaPct: number;
  /** Our mean SSIM − the better peer's: ≥ 0 meets it. */
  readonly ssimDelta: number;
  /** Our wall time / gltf-transform optimize's: < 1 meets it. */
  readonly timeRatio: number;
  readonly meets: {
    readonly bytes: boolean;
    readonly geometry: boolean;
    readonly image: boolean;
    readonly time: boolean;
  };
  /**
   * The same three measures against gltf-transform optimize alone, the peer that treats
   * textures as we do (WebP at 2048²): gltfpack keeps the source's textures, so it often has
   * the best image score and the most bytes at once, and "the better peer" mixes the two.
   */
  readonly vsGltfTransform: {
    readonly bytesRatio: number;
    readonly hausdorffDeltaPct: number;
    readonly ssimDelta: number;
  };
}

export interface Summary {
  readonly sources: number;
  readonly medianBytesRatio: number;
  readonly medianHausdorffDeltaPct: number;
  readonly medianSsimDelta: number;
  readonly medianTimeRatio: number;
  /** Sources meeting each part of the goal, out of `sources`. */
  readonly meeting: {
    readonly bytes: number;
    readonly geometry: number;
    readonly image: number;
    readonly time: number;
  };
  /** Medians per tool across sources, for the summary table. */
  readonly byTool: readonly {
    readonly tool: ToolName;
    readonly medianBytes: number;
    readonly medianWallMs: number;
    readonly medianPeakRssBytes: number;
    readonly medianHausdorffPct: number;
    readonly medianSsim: number;
  }[];
}
