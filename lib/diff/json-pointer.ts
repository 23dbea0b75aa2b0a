import type { FieldPath } from './path.js';

/** RFC 6901: `/spec/template/metadata/annotations/a~1b` → `['spec', 'template', 'metadata', 'annotations', 'a/b']`. */
export function parseJsonPointer(pointer: string): FieldPath | { error: string } {
  if (pointer === '') return { error: 'the empty pointer names the whole object' };
  if (!pointer.startsWith('/')) return { error: 'a JSON pointer starts with "/"' };
  if (/~[^01]|~$/.test(pointer)) return { error: 'only ~0 and ~1 are valid escapes' };
  // ~1 before ~0, so that "~01" decodes to "~1" and not "/".
  return pointer.slice(1).split('/').map((token) => token.replaceAll('~1', '/').replaceAll('~0', '~'));
}
