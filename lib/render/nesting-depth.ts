import { limitError } from './limits.js';

const isBlank = (c: string | undefined) => c === ' ' || c === '\t';
/** `|`, `>`, `|-`, `>+2`…, then nothing but a comment: the lines after it, more indented, are one text. */
const blockScalarStart = /(?:^|[\s:-])[|>][+-]?\d?[+-]?\s*(?:#.*)?$/;
const documentMarker = /^(?:---|\.\.\.)(?:\s|$)/;

/**
 * Whether a quote at `at` starts a quoted scalar: only where a token may start, after the start of the text
 * scanned or a separator, blanks between. `b "[[` inside a flow sequence is a plain scalar `b "` and then nested
 * sequences, so the quote must not hide the brackets after it.
 */
function startsToken(line: string, at: number, from: number): boolean {
  let i = at - 1;
  while (i >= from && isBlank(line[i])) i -= 1;
  return i < from || '[{,:'.includes(line[i]!);
}

/**
 * The flow brackets of one line outside quoted strings and comments: how deep it goes, and what is left open.
 * Quotes are taken to close on the same line, which YAML allows to break; a string that does is then counted as
 * code, which can only make the text look deeper, never shallower.
 */
function flowOf(line: string, from: number, open: number): { open: number; deepest: number } {
  let deepest = open;
  let quote: string | undefined;
  for (let i = from; i < line.length; i += 1) {
    const c = line[i];
    if (quote) {
      if (c === '\\' && quote === '"') i += 1;
      else if (c === quote) quote = quote === "'" && line[i + 1] === "'" ? (i += 1, quote) : undefined;
    } else if ((c === '"' || c === "'") && startsToken(line, i, from)) quote = c;
    else if (c === '#' && (i === 0 || isBlank(line[i - 1]))) break;
    else if (c === '[' || c === '{') deepest = Math.max(deepest, ++open);
    else if ((c === ']' || c === '}') && open > 0) open -= 1;
  }
  return { open, deepest };
}

/**
 * An upper bound on how deeply `text` nests, found without parsing it: block indentation levels, compact `- `/`? `
 * indicators and flow brackets (outside quotes, comments and block scalars, which hold text, not structure).
 * Counting stays on the side of too deep, so no text can look shallower than the parser will find it: the YAML
 * parser recurses per level and is what this protects. Returns the 1-based line where `limit` is first exceeded.
 */
export function lineOverDepth(text: string, limit: number): number | undefined {
  let indents: number[] = [];
  let flow = 0;
  /** Inside a block scalar: lines indented more than this are its text. */
  let scalarParent: number | undefined;
  const lines = text.split('\n');
  for (const [index, raw] of lines.entries()) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    let i = 0;
    while (i < line.length && isBlank(line[i])) i += 1;
    if (i === line.length) continue; // blank lines belong to whatever surrounds them
    if (scalarParent !== undefined && i > scalarParent) continue;
    scalarParent = undefined;
    if (documentMarker.test(line)) {
      indents = [];
      flow = 0;
      continue;
    }
    if (line[i] === '#') continue;
    if (flow === 0) { // inside a flow collection indentation means nothing; its brackets are counted instead
      while (indents.length > 0 && indents[indents.length - 1]! > i) indents.pop();
      if (indents.length === 0 || indents[indents.length - 1]! < i) indents.push(i);
    }
    let compact = 0;
    while ((line[i] === '-' || line[i] === '?') && (i + 1 === line.length || isBlank(line[i + 1]))) {
      compact += 1;
      i += 1;
      while (i < line.length && isBlank(line[i])) i += 1;
    }
    // The node that may own a block scalar starts here (after `- `): its text lines are indented more than this.
    const owner = i;
    const counted = flowOf(line, i, flow);
    flow = counted.open;
    if (indents.length + compact + counted.deepest > limit) return index + 1;
    if (flow === 0 && blockScalarStart.test(line)) scalarParent = owner;
  }
  return undefined;
}

/** Refuses text nested deeper than `maxDepth`, before any parser sees it. */
export function checkNestingDepth(text: string, file: string, maxDepth: number): void {
  const line = lineOverDepth(text, maxDepth);
  if (line === undefined) return;
  throw limitError('maxDepth', `${file}:${line}`, `the document nests more than ${maxDepth} levels deep`, `${maxDepth} levels`,
    'flatten the structure (or move the deep part into a string)');
}
