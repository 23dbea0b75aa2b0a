import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import { type ObjectRef, formatRef } from '../kube/index.js';

/** A unified diff from live to desired, labelled `live/Kind/namespace/name` and `desired/…`; empty when equal. */
export function unifiedDiff(ref: ObjectRef, liveText: string, desiredText: string): string {
  if (liveText === desiredText) return '';
  const name = formatRef(ref);
  return createTwoFilesPatch(`live/${name}`, `desired/${name}`, liveText, desiredText, undefined, undefined,
    { context: 3, headerOptions: FILE_HEADERS_ONLY });
}
