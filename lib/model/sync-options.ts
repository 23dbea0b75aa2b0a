import { issueAt, type SpecContext } from './spec-issues.js';
import type { SpecIssue, SyncOptions } from './types.js';
import type { FieldPath } from './yaml-documents.js';

/** Argo CD's defaults: everything off except client-side validation. */
export const defaultSyncOptions: SyncOptions = {
  createNamespace: false,
  pruneLast: false,
  applyOutOfSyncOnly: false,
  serverSideApply: false,
  validate: true,
  replace: false,
  force: false,
};

const supported: Record<string, keyof SyncOptions> = {
  CreateNamespace: 'createNamespace',
  PruneLast: 'pruneLast',
  ApplyOutOfSyncOnly: 'applyOutOfSyncOnly',
  ServerSideApply: 'serverSideApply',
  Validate: 'validate',
  Replace: 'replace',
  Force: 'force',
};

/** Reads Argo CD's `Name=value` sync option strings; options Sluice does not implement are warnings. */
export function readSyncOptions(entries: string[], context: SpecContext, path: FieldPath): { options: SyncOptions; errors: SpecIssue[]; warnings: SpecIssue[] } {
  const options = { ...defaultSyncOptions };
  const errors: SpecIssue[] = [];
  const warnings: SpecIssue[] = [];
  entries.forEach((entry, index) => {
    const at = [...path, index];
    const [name = '', value] = entry.split('=', 2).map((part) => part.trim());
    const field = supported[name];
    if (!field) {
      const sameIgnoringCase = Object.keys(supported).find((known) => known.toLowerCase() === name.toLowerCase());
      const hint = sameIgnoringCase ? `; option names are case-sensitive: did you mean ${sameIgnoringCase}=${value ?? 'true'}?` : '';
      warnings.push(issueAt(context, at, `sync option ${JSON.stringify(entry)} is not supported by Sluice yet; ignored${hint}`));
    } else if (value === 'true' || value === 'false') {
      options[field] = value === 'true';
    } else {
      errors.push(issueAt(context, at, `expected ${name}=true or ${name}=false`));
    }
  });
  return { options, errors, warnings };
}
