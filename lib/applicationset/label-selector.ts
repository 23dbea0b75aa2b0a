import type { LabelSelector } from './types.js';

/**
 * Whether a set of labels matches a Kubernetes label selector (matchLabels and matchExpressions, all of them). Values
 * are not restricted to label syntax, as in Argo CD's ApplicationSet selectors (a cluster URL can be matched).
 */
export function matchesSelector(selector: LabelSelector, labels: Readonly<Record<string, string>>): boolean {
  for (const [key, value] of Object.entries(selector.matchLabels)) {
    if (labels[key] !== value) return false;
  }
  return selector.matchExpressions.every(({ key, operator, values }) => {
    const has = Object.hasOwn(labels, key);
    switch (operator) {
      case 'In': return has && values.includes(labels[key]!);
      case 'NotIn': return !has || !values.includes(labels[key]!);
      case 'Exists': return has;
      case 'DoesNotExist': return !has;
    }
  });
}

export function isEmptySelector(selector: LabelSelector | undefined): boolean {
  return !selector || (Object.keys(selector.matchLabels).length === 0 && selector.matchExpressions.length === 0);
}

/** The string-valued parameters, which are what a generator's selector matches (as Argo CD's keepOnlyStringValues). */
export function stringParams(params: Readonly<Record<string, unknown>>): Record<string, string> {
  return Object.fromEntries(Object.entries(params).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}
