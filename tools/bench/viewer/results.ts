import type { MachineNote } from '../machine.js';
import type { ChunkComposition } from './chunk-composition.js';
import type { JsFile, JsTotals } from './js-bytes.js';

/** The shape of .cache/bench/viewer-results.json: everything the tables are printed from. */
export interface ViewerBenchResults {
  readonly generated: string;
  readonly command: string;
  readonly machine: MachineNote;
  readonly settings: {
    readonly runs: number;
    readonly viewport: { readonly width: number; readonly height: number };
    readonly chromiumFlags: readonly string[];
    readonly modelViewerVersion: string;
  };
  readonly sources: readonly SourceOutcome[];
  /** Our app's build: every JS chunk and the packages in it. */
  readonly appChunks: readonly ChunkComposition[];
}

export type SourceOutcome = SourceComparison | SourceNotRun;

export interface SourceNotRun {
  readonly name: string;
  readonly status: 'skipped' | 'failed';
  readonly reason: string;
}

export interface SourceComparison {
  readonly name: string;
  readonly status: 'ok';
  readonly description: string;
  /** The original scan, relative to the repository when inside it. */
  readonly file: string;
  readonly ours: PageResult;
  readonly modelViewer: PageResult;
  /** Ours / model-viewer, of the medians. */
  readonly ratios: Readonly<Record<MedianKey, number>>;
  readonly goals: {
    /** First frame in ≤ 0.5 × model-viewer's time. */
    readonly firstFrame: boolean;
    /** JS before the first frame no heavier (gzip) than model-viewer's. */
    readonly initialJs: boolean;
  };
}

export type PageName = 'ours' | 'model-viewer';

export interface PageResult {
  readonly page: PageName;
  /** What the page loads, e.g. "mobile.glb (1.16 MB) via artefact.json". */
  readonly loads: string;
  readonly url: string;
  readonly runs: readonly RunRecord[];
  readonly median: Readonly<Record<MedianKey, number>>;
  /** The JS files of the last run. */
  readonly jsFiles: readonly JsFile[];
  /** The last run's requests in the order they finished, in ms from navigation start. */
  readonly waterfall: readonly {
    readonly path: string;
    readonly bytes: number;
    readonly finishedMs: number | undefined;
  }[];
  /** Requests that tried to leave localhost (aborted), over all runs. */
  readonly offsiteRequests: readonly string[];
  readonly pageErrors: readonly string[];
}

export type MedianKey =
  | 'pixelMs'
  | 'eventMs'
  | 'bytesBeforePixels'
  | 'requestsBeforePixels'
  | 'jsGzipBeforePixels'
  | 'jsRawBeforePixels'
  | 'heapBytes';

export interface RunRecord {
  readonly pixelMs: number;
  readonly eventMs: number;
  readonly bytesBeforePixels: number;
  readonly requestsBeforePixels: number;
  readonly bytesTotal: number;
  readonly jsBeforePixels: JsTotals;
  readonly jsTotal: JsTotals;
  readonly heapBytes: number;
  readonly viewer: { readonly width: number; readonly height: number };
  readonly profile: string | undefined;
}
