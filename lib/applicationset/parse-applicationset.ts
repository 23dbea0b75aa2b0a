import { parseWithSchema, SpecError, type LineOf, type SpecIssue } from '../model/index.js';
import { applicationSetSchema } from './applicationset-schema.js';
import type { ApplicationSet, Generator } from './types.js';

export interface ParsedApplicationSet {
  applicationSet: ApplicationSet;
  warnings: SpecIssue[];
}

/**
 * Validates an ApplicationSet document: every problem (unknown generator, two generators in one entry, a bad selector
 * operator, templatePatch without goTemplate…) is collected into one SpecError naming file, field and line. Fields
 * Sluice does not know are warnings. The template itself is checked later, per generated Application.
 */
export function parseApplicationSet(input: unknown, file: string, lineOf?: LineOf): ParsedApplicationSet {
  const parsed = parseWithSchema(applicationSetSchema, input, { file, ...(lineOf ? { lineOf } : {}) }, { unknownFields: 'warn', echoValues: true });
  if (!parsed.data) throw new SpecError(parsed.errors);
  const { metadata, spec } = parsed.data;
  return {
    applicationSet: {
      name: metadata.name,
      ...(metadata.namespace ? { namespace: metadata.namespace } : {}),
      generators: spec.generators as Generator[],
      template: spec.template,
      goTemplate: spec.goTemplate,
      goTemplateOptions: spec.goTemplateOptions,
      ...(spec.templatePatch !== undefined ? { templatePatch: spec.templatePatch } : {}),
      applyNestedSelectors: spec.applyNestedSelectors,
      syncPolicy: spec.syncPolicy,
    },
    warnings: parsed.warnings,
  };
}
