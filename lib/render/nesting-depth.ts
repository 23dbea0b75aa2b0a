import { limitError } from './limits.js';

const isBlank = (c: string | undefined) => c === ' ' || c === '\t';

/**
 * An upper bound on how deeply `text` nests, found without parsing it: block indentation levels, compact `- `/`? `
 * indicators and flow brackets. Deliberately naive (brackets count even inside strings and comments) so that no text
 * can look shallower than the parser will find it: the YAML parser recurses per level and is what this protects.
 * Returns the 1-based line where `limit` is first exceeded, or undefined.
 */
export function lineOverDepth(text: string, limit: number): number | undefined {
  const indents: number[] = [];
  let flow = 0;
  let line = 0;
  let pos = 0;
  while (pos <= text.length) {
    line += 1;
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    let i = pos;
    while (i < end && isBlank(text[i])) i += 1;
    let compact = 0;
    if (i < end && text[i] !== '#' && text[i] !== '\r') {
      if (flow === 0) { // inside a flow collection indentation means nothing; its brackets are counted instead
        const indent = i - pos;
        while (indents.length > 0 && indents[indents.length - 1]! > indent) indents.pop();
        if (indents.length === 0 || indents[indents.length - 1]! < indent) indents.push(indent);
      }
      while ((text[i] === '-' || text[i] === '?') && (i + 1 === end || isBlank(text[i + 1]))) {
        compact += 1;
        i += 1;
        while (i < end && isBlank(text[i])) i += 1;
      }
    }
    let deepestFlow = flow;
    for (; i < end; i += 1) {
      const c = text[i];
      if (c === '[' || c === '{') deepestFlow = Math.max(deepestFlow, ++flow);
      else if ((c === ']' || c === '}') && flow > 0) flow -= 1;
    }
    if (indents.length + compact + deepestFlow > limit) return line;
    pos = end + 1;
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
