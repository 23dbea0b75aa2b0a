import { issueAt, type SpecContext } from './spec-issues.js';
import type { Application, ApplicationSource, SpecIssue } from './types.js';

/** `$values/envs/prod.yaml` → ref `values`, path `envs/prod.yaml`; undefined for a value file that names no ref. */
export function refValueFile(file: string): { ref: string; path: string } | undefined {
  const match = /^\$([^/]*)(?:\/(.*))?$/s.exec(file);
  return match ? { ref: match[1]!, path: match[2] ?? '' } : undefined;
}

/** Every source of an app: spec.sources in order, or its one spec.source. */
export function appSources(app: Pick<Application, 'source' | 'sources'>): ApplicationSource[] {
  return app.sources ?? [app.source];
}

/**
 * A multi-source app's revision is its sources' revisions in spec.sources order, comma-separated (Argo CD keeps
 * them as revisions[]); a single-source app's revision is one sha. Commit shas never hold a comma.
 */
export function joinRevisions(revisions: readonly string[]): string {
  return revisions.join(',');
}

/** The per-source revisions of a revision recorded for an app with `count` sources (undefined if they do not fit). */
export function revisionsOf(revision: string, count: number): string[] | undefined {
  const parts = revision.split(',');
  return parts.length === count && parts.every((part) => part !== '') ? parts : undefined;
}

/** Whether a recorded revision is a multi-source one (several comma-separated revisions). */
export function isMultiRevision(revision: string | undefined): boolean {
  return revision?.includes(',') ?? false;
}

/**
 * Checks spec.sources as a whole: ref names unique, every `$<ref>/…` value file naming a ref source, and at least
 * one source that renders. Each issue names the source's field.
 */
export function multiSourceIssues(sources: readonly ApplicationSource[], context: SpecContext): SpecIssue[] {
  const issues: SpecIssue[] = [];
  const refs = new Map<string, number>();
  for (const [i, source] of sources.entries()) {
    if (!source.ref) continue;
    const first = refs.get(source.ref);
    if (first !== undefined) issues.push(issueAt(context, ['spec', 'sources', i, 'ref'], `"${source.ref}" is also the ref of spec.sources[${first}]; give each ref source its own name`));
    else refs.set(source.ref, i);
  }
  for (const [i, source] of sources.entries()) {
    for (const [j, file] of (source.helm?.valueFiles ?? []).entries()) {
      const named = refValueFile(file);
      if (!named) continue;
      const at = ['spec', 'sources', i, 'helm', 'valueFiles', j];
      if (!refs.has(named.ref)) {
        const known = [...refs.keys()].map((ref) => `$${ref}`).join(', ');
        issues.push(issueAt(context, at, `names $${named.ref}, but no source has ref: ${named.ref}; ${known ? `the refs are ${known}` : 'add `ref: <name>` to the source holding the file'}`));
      } else if (named.path === '') {
        issues.push(issueAt(context, at, `names the root of $${named.ref}, not a file; write $${named.ref}/<path to the values file>`));
      }
    }
  }
  if (sources.length > 0 && sources.every((source) => source.refOnly)) {
    issues.push(issueAt(context, ['spec', 'sources'], 'every source is a ref source without a path, so nothing would be rendered; give the chart or manifests source a path'));
  }
  return issues;
}

/** What the app tracks: its targetRevision, or each source's joined like its revision (a multi-source app). */
export function targetRevisionOf(app: Pick<Application, 'source' | 'sources'>): string {
  return joinRevisions(appSources(app).map((source) => source.targetRevision));
}
