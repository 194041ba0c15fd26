import { describe, expect, it } from 'vitest';
import { repairGeometry, reportBrokenFaces } from './geometry-repair.js';
import { collectWarnings } from './test-fixtures.js';

const square = () => ({
  positions: new Float32Array([0, 0, 0, 1, 0, 0, 1, 1, 0, 0, 1, 0]),
  normals: new Float32Array([0, 0, 2, 0, 0, 2, 0, 0, 2, 0, 0, 2]),
  indices: new Uint32Array([0, 1, 2, 0, 2, 3]),
});

describe('repairGeometry', () => {
  it('leaves sound geometry as it is, but for scaling normals to unit length', () => {
    const { warn, warnings } = collectWarnings();
    const repaired = repairGeometry(square(), 'scan.ply', warn);
    expect([...repaired.normals!]).toEqual([0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1]);
    expect([...repaired.indices!]).toEqual([0, 1, 2, 0, 2, 3]);
    expect(warnings).toEqual([]);
  });

  it('removes NaN vertices and their faces, renumbering the rest', () => {
    const { warn, warnings } = collectWarnings();
    const data = square();
    data.positions[3] = NaN;
    const repaired = repairGeometry(data, 'scan.ply', warn);
    expect(repaired.positions).toHaveLength(9);
    expect([...repaired.indices!]).toEqual([0, 1, 2]);
    expect(warnings).toEqual([
      'scan.ply: 1 faces use points with invalid coordinates (NaN or infinity) and were left out',
    ]);
  });

  it('drops all normals when one cannot be made unit length', () => {
    const { warn, warnings } = collectWarnings();
    const data = square();
    data.normals.fill(0, 0, 3);
    expect(repairGeometry(data, 'scan.ply', warn).normals).toBeUndefined();
    expect(warnings).toEqual([expect.stringMatching(/all normals will be recomputed/)]);
  });

  it('removes NaN points of a point cloud', () => {
    const { warn } = collectWarnings();
    const cloud = { positions: new Float32Array([0, 0, 0, Infinity, 0, 0, 1, 1, 1]) };
    expect([...repairGeometry(cloud, 'cloud.ply', warn).positions]).toEqual([0, 0, 0, 1, 1, 1]);
  });
});

describe('reportBrokenFaces', () => {
  it('warns about a few broken faces and refuses a file with many', () => {
    const { warn, warnings } = collectWarnings();
    reportBrokenFaces('scan.obj', 1, 100, warn);
    expect(warnings).toEqual(['scan.obj: 1 of 100 faces refer to vertices the file does not have and were left out']);
    expect(() => reportBrokenFaces('scan.obj', 2, 100, warn)).toThrow(/^scan\.obj is damaged: 2 of its 100 faces/);
  });
});
