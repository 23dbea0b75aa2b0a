import { isMultiRevision } from '../model/index.js';

/**
 * A multi-source app's revision split per source, as Argo CD's `revisions[]` (spec.sources order); nothing for a
 * single-source app, whose revision stays one sha.
 */
export function revisionsView(revision: string | null | undefined): { revisions?: string[] } {
  return revision && isMultiRevision(revision) ? { revisions: revision.split(',') } : {};
}
