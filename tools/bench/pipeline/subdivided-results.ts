// What `bench:pipeline -- --subdivided` writes to .cache/bench/pipeline-subdivided.json, and
// the goal judged from it.
import type { MachineNote } from '../machine.js';
import type { SubdividedSource } from './subdivided-source.js';
import type { SubdividedToolName, SubdividedToolOutcome, SubdividedToolRun } from './subdivided-tools.js';

export interface SubdividedBenchResults {
  readonly generated: string;
  readonly command: string;
  readonly machine: MachineNote;
  readonly settings: { readonly runs: number };
  /** `file` relative to the repository. */
  readonly source: SubdividedSource;
  readonly tools: readonly SubdividedToolOutcome[];
  readonly goal: SubdividedGoal;
}

/** "Real-size scans": on a 1.6M-triangle textured scan, the whole ingest ≤ 2× one `gltf-transform optimize` run. */
export const INGEST_TO_GLTF_TRANSFORM_GOAL = 2;

export interface SubdividedGoal {
  readonly statement: string;
  readonly limit: number;
  /** Our whole ingest (no poster) over gltf-transform, wall time; undefined when either failed. */
  readonly ratio: number | undefined;
  readonly met: boolean | undefined;
  /** The same with the poster rendered, for information: the poster needs a browser gltf-transform does not. */
  readonly ratioWithPoster: number | undefined;
}

export function judgeGoal(tools: readonly SubdividedToolOutcome[]): SubdividedGoal {
  const peer = find(tools, 'gltf-transform');
  const over = (ours: SubdividedToolRun | undefined) => (ours && peer ? ours.wallMs / peer.wallMs : undefined);
  const ratio = over(find(tools, 'ingest'));
  return {
    statement: `our whole ingest ≤ ${INGEST_TO_GLTF_TRANSFORM_GOAL}× one \`gltf-transform optimize\` run (wall time)`,
    limit: INGEST_TO_GLTF_TRANSFORM_GOAL,
    ratio,
    met: ratio === undefined ? undefined : ratio <= INGEST_TO_GLTF_TRANSFORM_GOAL,
    ratioWithPoster: over(find(tools, 'ingest-with-poster')),
  };
}

function find(tools: readonly SubdividedToolOutcome[], name: SubdividedToolName): SubdividedToolRun | undefined {
  const outcome = tools.find((tool) => tool.tool === name);
  return outcome?.status === 'ok' ? outcome : undefined;
}
