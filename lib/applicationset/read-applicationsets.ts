import { readYamlDocuments, SpecError, type ConfigFile, type SpecIssue } from '../model/index.js';
import { parseApplicationSet } from './parse-applicationset.js';
import type { ApplicationSet } from './types.js';

export interface LoadedApplicationSets {
  applicationSets: { value: ApplicationSet; file: string }[];
  errors: SpecIssue[];
  warnings: SpecIssue[];
  /** Names of ApplicationSets that did not load: their generated apps stay as they are. */
  broken: string[];
}

/**
 * The ApplicationSets of the config repo's files (YAML/JSON documents of kind ApplicationSet). Each stands alone: an
 * invalid one is reported and left out, and so is the second of two with one name.
 */
export function readApplicationSets(files: readonly ConfigFile[]): LoadedApplicationSets {
  const out: LoadedApplicationSets = { applicationSets: [], errors: [], warnings: [], broken: [] };
  for (const file of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
    if (!/\.(ya?ml|json)$/i.test(file.path) || !file.content.includes('ApplicationSet')) continue;
    for (const document of readYamlDocuments(file.content, file.path).documents) {
      const value = document.value as { kind?: unknown; metadata?: { name?: unknown } } | undefined;
      if (value?.kind !== 'ApplicationSet') continue;
      try {
        const parsed = parseApplicationSet(value, file.path, document.lineOf);
        out.warnings.push(...parsed.warnings);
        const earlier = out.applicationSets.find((entry) => entry.value.name === parsed.applicationSet.name);
        if (earlier) {
          out.errors.push({ file: file.path, field: 'metadata.name', message: `ApplicationSet "${parsed.applicationSet.name}" is already defined in ${earlier.file}; ApplicationSet names must be unique in the config repo` });
          continue;
        }
        out.applicationSets.push({ value: parsed.applicationSet, file: file.path });
      } catch (error) {
        if (!(error instanceof SpecError)) throw error;
        out.errors.push(...error.issues.map((issue) => ({ ...issue, message: `ApplicationSet${typeof value.metadata?.name === 'string' ? ` "${value.metadata.name}"` : ''}: ${issue.message}` })));
        if (typeof value.metadata?.name === 'string') out.broken.push(value.metadata.name);
      }
    }
  }
  return out;
}
