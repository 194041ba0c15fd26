/**
 * The lexical pieces of a USDA layer: numbers, strings, identifiers, and a writer that
 * collects lines as chunks. A 100k-triangle mesh is several megabytes of text; joining
 * chunks once at the end keeps that linear, where `+=` on one string would not be.
 */

/**
 * A float as USDA text: up to 7 significant digits by default (float32 carries about 7),
 * trailing zeros dropped, so `0.5` and `1` stay short. USD spells non-finite values
 * `inf`/`nan`.
 */
export function formatFloat(value: number, significantDigits = 7): string {
  if (Number.isInteger(value)) return Object.is(value, -0) ? '0' : String(value);
  if (!Number.isFinite(value)) return Number.isNaN(value) ? 'nan' : value > 0 ? 'inf' : '-inf';
  const text = String(Number(value.toPrecision(significantDigits)));
  return text === '-0' ? '0' : text;
}

/** `(x, y, z)` and its kin. */
export function formatTuple(values: ArrayLike<number>): string {
  const parts: string[] = [];
  for (let i = 0; i < values.length; i++) parts.push(formatFloat(values[i]!));
  return `(${parts.join(', ')})`;
}

/** A double-quoted USDA string; control characters are written as escapes. */
export function quoteString(text: string): string {
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  const escaped = text.replace(/[\\"\u0000-\u001f\u007f]/g, (character) => {
    switch (character) {
      case '\\':
        return '\\\\';
      case '"':
        return '\\"';
      case '\n':
        return '\\n';
      case '\r':
        return '\\r';
      case '\t':
        return '\\t';
      default:
        return `\\x${character.charCodeAt(0).toString(16).padStart(2, '0')}`;
    }
  });
  return `"${escaped}"`;
}

/**
 * A valid USD prim name made from any text: ASCII letters, digits and underscores, not
 * starting with a digit. Accents are dropped rather than the whole letter (`Vénus` →
 * `Venus`), so curators recognise their names in a USD tool.
 */
export function toUsdIdentifier(name: string, fallback: string): string {
  const ascii = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9_]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (ascii === '') return fallback;
  return /^[0-9]/.test(ascii) ? `_${ascii}` : ascii;
}

/** Hands out identifiers unique within one scope (the children of one prim). */
export class UniqueNames {
  private readonly taken = new Set<string>();

  take(name: string, fallback: string): string {
    const base = toUsdIdentifier(name, fallback);
    let candidate = base;
    for (let n = 1; this.taken.has(candidate); n++) candidate = `${base}_${n}`;
    this.taken.add(candidate);
    return candidate;
  }
}

/** Lines of a USDA layer with their indentation, joined once by `toString`. */
export class UsdaWriter {
  private readonly chunks: string[] = [];
  private depth = 0;

  line(text = ''): this {
    this.chunks.push(text === '' ? '' : '    '.repeat(this.depth) + text);
    return this;
  }

  /** `header` then `{`, and the lines written until `close()` one level deeper. */
  open(header: string, metadata: readonly string[] = []): this {
    if (metadata.length === 0) {
      this.line(header);
    } else {
      this.line(`${header} (`);
      this.depth++;
      for (const entry of metadata) this.line(entry);
      this.depth--;
      this.line(')');
    }
    this.line('{');
    this.depth++;
    return this;
  }

  close(): this {
    this.depth--;
    this.line('}');
    return this;
  }

  toString(): string {
    return `${this.chunks.join('\n')}\n`;
  }
}
