import semver from 'semver';
import { RenderError } from '../render/index.js';

/** Characters a version or version range may hold (SemVer, Masterminds' constraint syntax). */
const constraintText = /^[0-9A-Za-z.+\-*^~<>=!|, xX]+$/;

/** Masterminds' `,` (and) is a space in node-semver; `v1.2` is read loosely. */
function toRange(constraint: string): semver.Range | undefined {
  try {
    return new semver.Range(constraint.replace(/\s*,\s*/g, ' '), { loose: true });
  } catch {
    return undefined;
  }
}

/**
 * The chart version a targetRevision picks from the versions a repository lists, as Argo CD does it: an exact
 * version must be listed (compared as versions, so `v1.2.0` finds `1.2.0`); a range (`^1.2`, `>=1.0.0 <2.0.0`,
 * `1.2.*`, `*`, `1.x || 2.x`, Masterminds' `,` for "and") the highest listed version it admits. Pre-releases only
 * when the range names one. Unparsable listed versions are skipped.
 */
export function resolveChartVersion(targetRevision: string, versions: readonly string[], what: string): string {
  const wanted = targetRevision.trim() === '' || targetRevision === 'HEAD' ? '*' : targetRevision.trim();
  if (!constraintText.test(wanted) || wanted.length > 200) {
    throw new RenderError(`${what}: targetRevision ${JSON.stringify(targetRevision)} is not a chart version or version range; write e.g. 1.2.3, ^1.2 or >=1.0.0 <2.0.0`);
  }
  const exact = semver.valid(wanted, { loose: true });
  if (exact) {
    const found = versions.find((version) => semver.valid(version, { loose: true }) === exact);
    if (found) return found;
    throw new RenderError(`${what}: version ${wanted} is not in the repository (it lists ${describe(versions)}); set targetRevision to one of them or a range`);
  }
  const range = toRange(wanted);
  if (!range) throw new RenderError(`${what}: targetRevision ${JSON.stringify(targetRevision)} is not a valid version range; write e.g. ^1.2, ~1.2.3, 1.x or >=1.0.0 <2.0.0`);
  let best: { text: string; version: semver.SemVer } | undefined;
  for (const text of versions) {
    const version = semver.parse(text, { loose: true });
    if (!version || !range.test(version)) continue;
    if (!best || semver.gt(version, best.version)) best = { text, version };
  }
  if (!best) throw new RenderError(`${what}: no version matches ${wanted} (the repository lists ${describe(versions)}); change targetRevision`);
  return best.text;
}

function describe(versions: readonly string[]): string {
  if (versions.length === 0) return 'none';
  const sorted = [...versions].sort((a, b) => (semver.valid(a, true) && semver.valid(b, true) ? semver.rcompare(a, b, true) : 0));
  return sorted.length > 8 ? `${sorted.slice(0, 8).join(', ')} and ${sorted.length - 8} more` : sorted.join(', ');
}

/** Whether a targetRevision names one version (no fetch of the listing is needed to know which). */
export function isExactChartVersion(targetRevision: string): boolean {
  return semver.valid(targetRevision.trim(), { loose: true }) !== null;
}
