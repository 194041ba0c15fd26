import { Growable, float64s, int32s } from './growable.js';

/**
 * Numbers the distinct corners of a mesh. Scan formats let a face corner combine a
 * position with its own texture coordinate or normal (OBJ's v/vt/vn, PLY's per-face
 * texcoord); glTF has one index per vertex, so each distinct combination becomes a vertex.
 * Corners sharing a position are chained per position, which is smaller and faster than
 * a Map of string keys and needs no bound on the index values.
 */
export class CornerIndex {
  private readonly firstByPosition: Int32Array;
  private readonly nextSamePosition = new Growable(int32s);
  /** For each vertex made: the source position and the two values that set it apart. */
  readonly sourcePosition = new Growable(int32s);
  readonly sourceA = new Growable(float64s);
  readonly sourceB = new Growable(float64s);

  constructor(positionCount: number) {
    this.firstByPosition = new Int32Array(positionCount).fill(-1);
  }

  get vertexCount(): number {
    return this.sourcePosition.length;
  }

  /** The vertex for this corner, made on first sight. `position` must be in range. */
  vertexFor(position: number, a: number, b: number): number {
    for (let vertex = this.firstByPosition[position]!; vertex >= 0; vertex = this.nextSamePosition.at(vertex)) {
      if (this.sourceA.at(vertex) === a && this.sourceB.at(vertex) === b) return vertex;
    }
    const vertex = this.vertexCount;
    this.nextSamePosition.push(this.firstByPosition[position]!);
    this.firstByPosition[position] = vertex;
    this.sourcePosition.push(position);
    this.sourceA.push(a);
    this.sourceB.push(b);
    return vertex;
  }
}
