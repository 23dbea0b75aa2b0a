import type { IgnoreDifference } from '../model/index.js';
import { type ObjectRef, formatRef } from '../kube/index.js';
import { globMatch } from '../util/index.js';
import type { JsonMap } from './json.js';
import { parseJsonPointer } from './json-pointer.js';
import { evaluateJqPaths, parseJqPath } from './jq-path.js';
import { removeFieldsOwnedBy } from './managed-fields.js';
import { removePath, removePaths } from './path.js';

/**
 * The rules naming this object: group and kind matching as globs, as Argo CD matches them (`*`, `*.crossplane.io`),
 * name and namespace equal when given.
 */
export function rulesFor(ref: ObjectRef, rules: readonly IgnoreDifference[]): IgnoreDifference[] {
  return rules.filter((rule) =>
    globMatch(rule.group, ref.group)
    && globMatch(rule.kind, ref.kind)
    && (!rule.name || rule.name === ref.name)
    && (!rule.namespace || rule.namespace === ref.namespace));
}

/**
 * Removes what the rules ignore from `object` (in place). Returns a warning for each expression that could not be
 * applied; never throws for a bad rule, since one bad rule must not stop a sync.
 */
export function applyIgnoreRules(object: JsonMap, ref: ObjectRef, rules: readonly IgnoreDifference[], managedFields: unknown): string[] {
  const warnings: string[] = [];
  const warn = (field: string, expression: string, reason: string) =>
    warnings.push(`${formatRef(ref)}: ignoreDifferences ${field} ${JSON.stringify(expression)} not applied: ${reason}`);
  // Ownership first, while every path it names is still in place.
  removeFieldsOwnedBy(object, managedFields, rules.flatMap((rule) => rule.managedFieldsManagers));
  for (const rule of rules) {
    for (const pointer of rule.jsonPointers) {
      const path = parseJsonPointer(pointer);
      if ('error' in path) warn('jsonPointers', pointer, path.error);
      else removePath(object, path);
    }
    for (const expression of rule.jqPathExpressions) {
      const program = parseJqPath(expression);
      if ('error' in program) {
        warn('jqPathExpressions', expression, `unsupported by Sluice (${program.error}); supported: paths, [], [n], select(.path == value)`);
        continue;
      }
      const paths = evaluateJqPaths(program, object);
      if (paths.some((path) => path.length === 0)) warn('jqPathExpressions', expression, 'it selects the whole object');
      removePaths(object, paths.filter((path) => path.length > 0));
    }
  }
  return warnings;
}
