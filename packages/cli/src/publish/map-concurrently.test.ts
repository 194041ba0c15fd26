import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { mapConcurrently } from './map-concurrently.js';

describe('mapConcurrently', () => {
  it('keeps the order of the items and never runs more than the limit at once', async () => {
    let running = 0;
    let most = 0;
    const results = await mapConcurrently([30, 10, 20, 5, 15, 1], 3, async (delay, index) => {
      running++;
      most = Math.max(most, running);
      await sleep(delay);
      running--;
      return index * 2;
    });
    expect(results).toEqual([0, 2, 4, 6, 8, 10]);
    expect(most).toBe(3);
  });

  it('starts nothing new after a failure and waits for the tasks in flight before throwing', async () => {
    const started: number[] = [];
    const finished: number[] = [];
    const run = mapConcurrently([0, 1, 2, 3, 4], 2, async (item) => {
      started.push(item);
      if (item === 0) throw new Error('no space left');
      await sleep(20);
      finished.push(item);
    });
    await expect(run).rejects.toThrow('no space left');
    expect(started).toEqual([0, 1]);
    expect(finished).toEqual([1]);
  });

  it('handles no items', async () => {
    expect(await mapConcurrently([], 4, async () => 1)).toEqual([]);
  });
});
