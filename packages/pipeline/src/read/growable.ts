type NumberArray = Float32Array | Float64Array | Int32Array | Uint32Array;

/**
 * A typed array that grows as values are pushed. Scan readers do not know their counts up
 * front; a typed array takes half the memory of a number[] of floats and no boxing.
 */
export class Growable<T extends NumberArray> {
  private values: T;
  length = 0;

  constructor(
    private readonly create: (length: number) => T,
    initialCapacity = 1024,
  ) {
    this.values = create(Math.max(16, initialCapacity));
  }

  push(value: number): void {
    if (this.length === this.values.length) this.grow();
    this.values[this.length++] = value;
  }

  at(index: number): number {
    return this.values[index]!;
  }

  /** A copy of exactly the pushed values, so the spare capacity is freed with this object. */
  toArray(): T {
    const exact = this.create(this.length);
    exact.set(this.values.subarray(0, this.length));
    return exact;
  }

  private grow(): void {
    const bigger = this.create(this.values.length * 2);
    bigger.set(this.values);
    this.values = bigger;
  }
}

export const float32s = (length: number) => new Float32Array(length);
export const float64s = (length: number) => new Float64Array(length);
export const int32s = (length: number) => new Int32Array(length);
export const uint32s = (length: number) => new Uint32Array(length);
