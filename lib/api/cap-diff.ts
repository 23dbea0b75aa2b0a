import type { DiffView } from './types.js';

/** Lambda answers at most 6 MB; the diff keeps well under it, leaving room for headers and encoding. */
export const maxDiffResponseBytes = 4 * 1024 * 1024;

/**
 * The diff within `maxBytes` of JSON: when it is larger, the longest per-object diff texts are left out (their
 * action and changed paths stay) and `truncated` says how many and how to fetch one: `?resource=` names it.
 */
export function capDiffView(view: DiffView, maxBytes = maxDiffResponseBytes): DiffView {
  let size = Buffer.byteLength(JSON.stringify(view));
  if (size <= maxBytes) return view;
  const resources = view.resources.map((resource) => ({ ...resource }));
  if (resources.length === 1) {
    // One object's diff alone is too large: its text is cut, with a marker saying how much is missing.
    const only = resources[0]!;
    const keep = Math.max(0, only.diff.length - (size - maxBytes) - 1024);
    only.diff = `${only.diff.slice(0, keep)}\n… (${only.diff.length - keep} more characters of diff left out: larger than this API answers)\n`;
    return { ...view, resources, truncated: { omittedDiffs: 0, message: `the diff of ${only.ref.kind} ${only.ref.namespace}/${only.ref.name} is larger than ${maxBytes} bytes and was cut` } };
  }
  const longestFirst = [...resources].sort((a, b) => b.diff.length - a.diff.length);
  let omitted = 0;
  for (const resource of longestFirst) {
    if (size <= maxBytes) break;
    // The text becomes "" and the object gains `,"diffOmitted":true`.
    size += Buffer.byteLength(',"diffOmitted":true') - (Buffer.byteLength(JSON.stringify(resource.diff)) - 2);
    resource.diff = '';
    resource.diffOmitted = true;
    omitted += 1;
  }
  return {
    ...view,
    resources,
    truncated: {
      omittedDiffs: omitted,
      message: `the diff is larger than ${maxBytes} bytes: ${omitted} object diff(s) were left out (diffOmitted); `
        + 'get one with ?resource=<group>/<Kind>/<namespace>/<name> (an empty group or namespace stays empty, e.g. /ConfigMap/web/settings)',
    },
  };
}

/** Only the object `resource` (`group/Kind/namespace/name`) names, or a 404-worthy undefined. */
export function pickResource(view: DiffView, resource: string): DiffView | undefined {
  const [group, kind, namespace, name, ...rest] = resource.split('/');
  if (rest.length || kind === undefined || name === undefined) return undefined;
  const picked = view.resources.filter((r) => r.ref.group === group && r.ref.kind === kind && r.ref.namespace === namespace && r.ref.name === name);
  return picked.length ? { ...view, resources: picked } : undefined;
}
