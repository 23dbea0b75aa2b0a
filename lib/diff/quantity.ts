/**
 * Kubernetes resource quantities (`500m`, `0.5`, `1Gi`, `1024Mi`, `1e3`) compared by value, exactly: a quantity is
 * held as the fraction numerator / denominator of BigInts, so no float rounding can make two values equal.
 */

interface Fraction {
  numerator: bigint;
  denominator: bigint;
}

const DECIMAL_SUFFIXES: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY_SUFFIXES: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const QUANTITY = /^([+-]?)([0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:([eE][+-]?[0-9]+)|(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]))?$/;
/** Beyond this an exponent is surely a typo; refuse it rather than build a huge BigInt. */
const MAX_EXPONENT = 64;

export function parseQuantity(value: unknown): Fraction | undefined {
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : typeof value === 'string' ? value.trim() : '';
  const match = QUANTITY.exec(text);
  if (!match) return undefined;
  const [, sign = '', digits = '', exponent, suffix = ''] = match;
  const [whole = '', fraction = ''] = digits.split('.');
  let numerator = BigInt(`${sign}${whole || '0'}${fraction}`);
  const decimalExponent = -fraction.length + (exponent ? Number(exponent.slice(1)) : DECIMAL_SUFFIXES[suffix] ?? 0);
  if (Math.abs(decimalExponent) > MAX_EXPONENT) return undefined;
  const binaryExponent = BINARY_SUFFIXES[suffix];
  if (binaryExponent !== undefined) numerator <<= BigInt(binaryExponent);
  let denominator = 1n;
  if (decimalExponent >= 0) numerator *= 10n ** BigInt(decimalExponent);
  else denominator = 10n ** BigInt(-decimalExponent);
  return { numerator, denominator };
}

/** True when both are quantities of the same value, however written. */
export function quantitiesEqual(a: unknown, b: unknown): boolean {
  const x = parseQuantity(a);
  const y = parseQuantity(b);
  return x !== undefined && y !== undefined && x.numerator * y.denominator === y.numerator * x.denominator;
}
