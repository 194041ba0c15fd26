import { useCallback, useState } from 'react';

export interface ContextRecovery {
  /** Changes each time the context comes back: the canvas's React key. */
  generation: number;
  /** Watches a new canvas for the loss and the return of its WebGL context. */
  watch(canvas: HTMLCanvasElement): void;
}

/**
 * A lost WebGL context (a GPU reset, a driver update, the browser reclaiming memory from a
 * kiosk that has run for days) leaves the canvas blank. three rebuilds its own state when
 * the context returns, but not what was drawn into textures (the studio environment, the
 * baked contact shadow), and a render-on-demand canvas draws nothing until asked. So the
 * viewer builds its canvas anew once the context is back: the loaded artefact is kept (it
 * is data in memory) and its GPU copies are made again.
 */
export function useContextRecovery(): ContextRecovery {
  const [generation, setGeneration] = useState(0);
  const watch = useCallback((canvas: HTMLCanvasElement) => {
    // Without preventDefault the browser never offers the context back.
    canvas.addEventListener('webglcontextlost', (event) => event.preventDefault());
    canvas.addEventListener('webglcontextrestored', () => setGeneration((count) => count + 1), { once: true });
  }, []);
  return { generation, watch };
}
