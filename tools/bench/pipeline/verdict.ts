import { median } from './run-tools.js';
import type { SourceResult, Summary, ToolResult, Verdict } from './results.js';
import type { ToolName } from './tool-commands.js';

/**
 * Differences smaller than these are measurement noise, not a win or a loss: SSIM moves in
 * the fourth decimal between renders of meshes that differ only by quantization, a sampled
 * Hausdorff distance varies by a few percent with the samples drawn, and below 0.001 % of
 * the diagonal (finer than a 16-bit quantization step) the tools differ only in how they
 * round positions.
 */
export const SSIM_TIE = 0.0005;
export const HAUSDORFF_TIE_RELATIVE = 0.02;
export const HAUSDORFF_TIE_ABSOLUTE_PCT = 0.001;

export function verdictFor(tools: readonly ToolResult[]): Verdict {
  const ours = toolResult(tools, 'ours');
  const peers = tools.filter((tool) => tool.tool !== 'ours');
  const gltfTransform = toolResult(tools, 'gltf-transform');
  const smallestPeerBytes = Math.min(...peers.map((peer) => peer.bytes));
  const bestPeerHausdorff = Math.min(...peers.map((peer) => peer.fidelity.hausdorffPct));
  const bestPeerSsim = Math.max(...peers.map((peer) => peer.fidelity.ssim));
  const hausdorffDeltaPct = ours.fidelity.hausdorffPct - bestPeerHausdorff;
  const ssimDelta = ours.fidelity.ssim - bestPeerSsim;
  const bytesRatio = ours.bytes / smallestPeerBytes;
  const timeRatio = ours.wallMs / gltfTransform.wallMs;
  return {
    vsGltfTransform: {
      bytesRatio: ours.bytes / gltfTransform.bytes,
      hausdorffDeltaPct: ours.fidelity.hausdorffPct - gltfTransform.fidelity.hausdorffPct,
      ssimDelta: ours.fidelity.ssim - gltfTransform.fidelity.ssim,
    },
    bytesRatio,
    hausdorffDeltaPct,
    ssimDelta,
    timeRatio,
    meets: {
      bytes: bytesRatio <= 1,
      geometry: hausdorffDeltaPct <= Math.max(bestPeerHausdorff * HAUSDORFF_TIE_RELATIVE, HAUSDORFF_TIE_ABSOLUTE_PCT),
      image: ssimDelta >= -SSIM_TIE,
      time: timeRatio < 1,
    },
  };
}

export function summarize(results: readonly SourceResult[]): Summary {
  const verdicts = results.map((result) => result.verdict);
  const count = (test: (verdict: Verdict) => boolean) => verdicts.filter(test).length;
  const tools: ToolName[] = ['ours', 'gltf-transform', 'gltfpack'];
  return {
    sources: results.length,
    medianBytesRatio: median(verdicts.map((verdict) => verdict.bytesRatio)),
    medianHausdorffDeltaPct: median(verdicts.map((verdict) => verdict.hausdorffDeltaPct)),
    medianSsimDelta: median(verdicts.map((verdict) => verdict.ssimDelta)),
    medianTimeRatio: median(verdicts.map((verdict) => verdict.timeRatio)),
    meeting: {
      bytes: count((verdict) => verdict.meets.bytes),
      geometry: count((verdict) => verdict.meets.geometry),
      image: count((verdict) => verdict.meets.image),
      time: count((verdict) => verdict.meets.time),
    },
    byTool: tools.map((tool) => {
      const rows = results.map((result) => toolResult(result.tools, tool));
      return {
        tool,
        medianBytes: median(rows.map((row) => row.bytes)),
        medianWallMs: median(rows.map((row) => row.wallMs)),
        medianPeakRssBytes: median(rows.map((row) => row.peakRssBytes ?? NaN).filter(Number.isFinite)),
        medianHausdorffPct: median(rows.map((row) => row.fidelity.hausdorffPct)),
        medianSsim: median(rows.map((row) => row.fidelity.ssim)),
      };
    }),
  };
}

function toolResult(tools: readonly ToolResult[], name: ToolName): ToolResult {
  const found = tools.find((tool) => tool.tool === name);
  if (!found) throw new Error(`no ${name} result`);
  return found;
}
