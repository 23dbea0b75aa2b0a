import { stringify } from 'yaml';

/** YAML with map keys sorted at every level and no line folding, so equal objects print identically. */
export function stableYaml(value: unknown): string {
  if (value === undefined) return '';
  return stringify(value, { sortMapEntries: true, lineWidth: 0, aliasDuplicateObjects: false });
}
