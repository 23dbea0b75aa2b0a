import { SpecError } from './errors.js';
import { appProjectSchema, type AppProjectDocument } from './app-project-schema.js';
import { dropNulls } from './drop-nulls.js';
import { applyFeatureRules, appProjectFeatureRules } from './feature-rules.js';
import { parseWithSchema } from './parse-with-schema.js';
import type { SpecContext } from './spec-issues.js';
import type { AppProject, SpecIssue } from './types.js';
import type { LineOf } from './yaml-documents.js';

export interface ParsedAppProject {
  project: AppProject;
  warnings: SpecIssue[];
}

/** Validates one Argo CD AppProject object. Throws SpecError listing every problem; unsupported fields are warnings. */
export function parseAppProject(input: unknown, file: string, lineOf?: LineOf): ParsedAppProject {
  const context: SpecContext = { file, lineOf };
  const features = applyFeatureRules(appProjectFeatureRules, dropNulls(input), context);
  const parsed = parseWithSchema(appProjectSchema, features.input, context, { unknownFields: 'warn', echoValues: true });
  const errors = [...features.errors, ...parsed.errors];
  if (!parsed.data || errors.length > 0) throw new SpecError(errors);
  return { project: toAppProject(parsed.data), warnings: [...features.warnings, ...parsed.warnings] };
}

function toAppProject({ metadata, spec }: AppProjectDocument): AppProject {
  return {
    name: metadata.name,
    sourceRepos: spec.sourceRepos,
    destinations: spec.destinations,
    clusterResourceWhitelist: spec.clusterResourceWhitelist,
    clusterResourceBlacklist: spec.clusterResourceBlacklist,
    namespaceResourceWhitelist: spec.namespaceResourceWhitelist,
    namespaceResourceBlacklist: spec.namespaceResourceBlacklist,
    syncWindows: spec.syncWindows.map(({ description: _description, ...window }) => window),
  };
}
