import { z } from 'zod';
import { compileArgoGlob } from '../util/index.js';
import { jsonPointer } from './application-schema.js';
import { dropNulls } from './drop-nulls.js';
import { parseWithSchema } from './parse-with-schema.js';
import type { ResourceFilter, ResourceSettings } from './resource-settings.js';
import { stringList } from './schema-fields.js';
import { closestField } from './suggest-field.js';
import { describeKind, formatField, issueAt, type SpecContext } from './spec-issues.js';
import type { IgnoreDifference, SpecIssue } from './types.js';
import { readYamlDocuments, type FieldPath, type LineOf } from './yaml-documents.js';

/** The one ConfigMap of Argo CD's that Sluice reads from the config repo. */
export const argoCdConfigMapName = 'argocd-cm';

export interface ParsedArgoCdCm {
  settings: ResourceSettings;
  warnings: SpecIssue[];
  /** Entries that could not be read; the others are in `settings`. */
  errors: SpecIssue[];
}

/** Whether a decoded document is Argo CD's `argocd-cm` ConfigMap. */
export function isArgoCdConfigMap(value: unknown): boolean {
  const { apiVersion, kind, metadata } = (value ?? {}) as { apiVersion?: unknown; kind?: unknown; metadata?: { name?: unknown } };
  return apiVersion === 'v1' && kind === 'ConfigMap' && metadata?.name === argoCdConfigMapName;
}

const customizationsKey = 'resource.customizations';
const handledTypes = ['health', 'useOpenLibs', 'ignoreDifferences'] as const;
const ignoredTypes = ['actions', 'ignoreResourceUpdates', 'knownTypeFields'] as const;
const filterKeys = { 'resource.exclusions': 'exclusions', 'resource.inclusions': 'inclusions' } as const;

const ignoreDifferencesSchema = z.strictObject({
  jsonPointers: z.array(jsonPointer).default([]),
  jqPathExpressions: stringList,
  managedFieldsManagers: stringList,
});

const filterSchema = z.strictObject({ apiGroups: stringList, kinds: stringList, clusters: stringList });

/** An entry of the block form `resource.customizations: |`, as Argo CD's ResourceOverride. */
const overrideSchema = z.strictObject({
  'health.lua': z.string().optional(),
  'health.lua.useOpenLibs': z.boolean({ error: 'write true or false' }).optional(),
  // A YAML string in Argo CD; a mapping is read the same.
  ignoreDifferences: z.union([z.string(), z.record(z.string(), z.unknown())], { error: 'expected a YAML block string (ignoreDifferences: |) with jsonPointers, jqPathExpressions or managedFieldsManagers' }).optional(),
  actions: z.unknown().optional(),
  ignoreResourceUpdates: z.unknown().optional(),
  knownTypeFields: z.unknown().optional(),
});

/** What one group/kind's customizations say so far: the block form first, then the split keys, which win. */
interface Override {
  health?: { script: string; key: string };
  useOpenLibs?: { value: boolean; key: string; path: FieldPath };
  ignoreDifferences?: Omit<IgnoreDifference, 'group' | 'kind'>;
}

/**
 * Reads the resource settings of an `argocd-cm` ConfigMap, key by key as Argo CD's settings manager reads them:
 * `resource.customizations.<health|useOpenLibs|ignoreDifferences>.<group>_<kind>` (`<kind>` alone for the core
 * group, `all` for every kind, `*` wildcards), the older block form `resource.customizations: |`, and
 * `resource.exclusions` / `resource.inclusions`. Each bad entry is an error naming its key, and the rest loads;
 * keys Sluice does not use are warnings.
 */
export function parseArgoCdCm(input: unknown, file: string, lineOf?: LineOf): ParsedArgoCdCm {
  const context: SpecContext = { file, lineOf };
  const out: ParsedArgoCdCm = { settings: { health: [], ignoreDifferences: [], exclusions: [], inclusions: [] }, warnings: [], errors: [] };
  const data = (input as { data?: unknown }).data;
  if (data === undefined || data === null) return out;
  if (typeof data !== 'object' || Array.isArray(data)) {
    out.errors.push(issueAt(context, ['data'], `expected a mapping of keys to strings, got ${describeKind(data)}`));
    return out;
  }
  const entries = Object.entries(data as Record<string, unknown>).flatMap(([key, value]): [string, string][] => {
    if (typeof value === 'string') return [[key, value]];
    out.errors.push(issueAt(context, ['data', key], `expected a string (ConfigMap data values are strings), got ${describeKind(value)}; put the value in quotes or write it as a block (${key}: |)`));
    return [];
  });

  const overrides = new Map<string, Override>();
  const override = (groupKind: string) => overrides.get(groupKind) ?? overrides.set(groupKind, {}).get(groupKind)!;
  const block = entries.find(([key]) => key === customizationsKey);
  if (block) readBlockForm(block[1], context, out, override);
  const unused: string[] = [];
  for (const [key, value] of entries) {
    if (key === customizationsKey) continue;
    if (key.startsWith(`${customizationsKey}.`)) readSplitKey(key, value, context, out, override);
    else if (key in filterKeys) out.settings[filterKeys[key as keyof typeof filterKeys]] = readFilters(key, value, context, out);
    else if (key.startsWith('resource.')) out.warnings.push(issueAt(context, ['data', key], 'not supported by Sluice yet; ignored'));
    else unused.push(key);
  }
  if (unused.length) out.warnings.push(issueAt(context, ['data'], `${unused.length === 1 ? 'key' : 'keys'} ${unused.join(', ')} ${unused.length === 1 ? 'is' : 'are'} Argo CD server settings, which Sluice does not use; ignored`));

  for (const [groupKind, entry] of overrides) {
    if (entry.health) out.settings.health.push({ key: entry.health.key, groupKind, script: entry.health.script, useOpenLibs: entry.useOpenLibs?.value ?? false });
    else if (entry.useOpenLibs) out.warnings.push(issueAt(context, entry.useOpenLibs.path, `there is no health script for ${groupKind}, so this does nothing`));
    const rules = entry.ignoreDifferences;
    if (rules && (rules.jsonPointers.length || rules.jqPathExpressions.length || rules.managedFieldsManagers.length)) {
      const slash = groupKind.indexOf('/');
      out.settings.ignoreDifferences.push({ group: slash < 0 ? '' : groupKind.slice(0, slash), kind: groupKind.slice(slash + 1), ...rules });
    }
  }
  return out;
}

/** `resource.customizations.<type>.<group>_<kind>`. */
function readSplitKey(key: string, value: string, context: SpecContext, out: ParsedArgoCdCm, override: (groupKind: string) => Override): void {
  const path = ['data', key];
  const rest = key.slice(customizationsKey.length + 1);
  const dot = rest.indexOf('.');
  if (dot < 0) {
    out.errors.push(issueAt(context, path, `expected ${customizationsKey}.<type>.<group>_<kind>, e.g. ${customizationsKey}.health.cert-manager.io_Certificate`));
    return;
  }
  const type = rest.slice(0, dot);
  if ((ignoredTypes as readonly string[]).includes(type)) {
    out.warnings.push(issueAt(context, path, `resource ${type} are not supported by Sluice yet; ignored`));
    return;
  }
  if (!(handledTypes as readonly string[]).includes(type)) {
    const suggestion = closestField(type, [...handledTypes, ...ignoredTypes]);
    out.errors.push(issueAt(context, path, `unknown customization type "${type}"${suggestion ? `; did you mean "${suggestion}"?` : `; expected one of ${handledTypes.join(', ')}`}`));
    return;
  }
  const groupKind = splitKeyGroupKind(rest.slice(dot + 1), context, path, out);
  if (!groupKind) return;
  const entry = override(groupKind);
  if (type === 'health') {
    entry.health = value.trim() ? { script: value, key } : undefined;
  } else if (type === 'useOpenLibs') {
    const flag = parseGoBool(value);
    if (flag === undefined) out.errors.push(issueAt(context, path, `expected "true" or "false", got ${JSON.stringify(value)}`));
    else entry.useOpenLibs = { value: flag, key, path };
  } else {
    const rules = readEmbeddedYaml(value, ignoreDifferencesSchema, context, path, out);
    if (rules !== undefined) entry.ignoreDifferences = rules ?? undefined;
  }
}

/** `<group>_<kind>` as Argo CD's convertToOverrideKey turns it into `group/Kind` (or `Kind`, or `*\/*` for `all`). */
function splitKeyGroupKind(text: string, context: SpecContext, path: FieldPath, out: ParsedArgoCdCm): string | undefined {
  if (text === 'all') return '*/*';
  const parts = text.split('_');
  if (parts.length > 2 || text === '') {
    out.errors.push(issueAt(context, path, `expected <group>_<kind> after the type (<kind> alone for the core group, "all" for every kind), got ${JSON.stringify(text)}`));
    return undefined;
  }
  if (parts.length === 2 && parts[0] === '') {
    // Argo CD keys a core kind by its name alone: "_Pod" would match nothing there. Sluice reads it as meant.
    out.warnings.push(issueAt(context, path, `a core kind is written without the underscore (…${parts[1]}); Argo CD would never match "_${parts[1]}", Sluice reads it as ${parts[1]}`));
    return checkGroupKind(parts[1]!, context, path, out);
  }
  return checkGroupKind(parts.length === 2 ? `${parts[0]}/${parts[1]}` : text, context, path, out);
}

/** A group/kind override key: a non-empty kind, valid globs, and a kind spelt as Kubernetes spells kinds. */
function checkGroupKind(groupKind: string, context: SpecContext, path: FieldPath, out: ParsedArgoCdCm): string | undefined {
  const parts = groupKind.split('/');
  const kind = parts.at(-1) ?? '';
  if (parts.length > 2 || kind === '') {
    out.errors.push(issueAt(context, path, `expected a kind, or group/kind, got ${JSON.stringify(groupKind)}`));
    return undefined;
  }
  try {
    compileArgoGlob(groupKind);
  } catch (error) {
    out.errors.push(issueAt(context, path, `${JSON.stringify(groupKind)} is not a valid pattern: ${(error as Error).message}`));
    return undefined;
  }
  if (/^[a-z]/.test(kind)) {
    out.warnings.push(issueAt(context, path, `kind "${kind}" starts with a lowercase letter; kinds are matched exactly (${kind[0]!.toUpperCase()}${kind.slice(1)}?)`));
  }
  return groupKind;
}

/** The block form: YAML keyed by `group/Kind`, each with `health.lua`, `health.lua.useOpenLibs`, `ignoreDifferences`. */
function readBlockForm(text: string, context: SpecContext, out: ParsedArgoCdCm, override: (groupKind: string) => Override): void {
  const path = ['data', customizationsKey];
  const value = readYamlValue(text, context, path, out);
  if (value === undefined || value === null) return;
  if (typeof value !== 'object' || Array.isArray(value)) {
    out.errors.push(issueAt(context, path, `expected YAML mapping each group/Kind (Kind alone for the core group) to its health.lua and ignoreDifferences, got ${describeKind(value)}`));
    return;
  }
  const entryContext = embeddedContext(context, path, text);
  for (const [groupKindKey, raw] of Object.entries(value as Record<string, unknown>)) {
    const entryPath = [...path, groupKindKey];
    const groupKind = checkGroupKind(groupKindKey, context, entryPath, out);
    if (!groupKind) continue;
    const parsed = parseWithSchema(overrideSchema, dropNulls(raw ?? {}), entryContext.at([groupKindKey]), { unknownFields: 'warn', echoValues: true });
    out.warnings.push(...parsed.warnings.map((issue) => entryContext.within(issue, [groupKindKey])));
    out.errors.push(...parsed.errors.map((issue) => entryContext.within(issue, [groupKindKey])));
    if (!parsed.data) continue;
    const entry = override(groupKind);
    const data = parsed.data;
    for (const type of ignoredTypes) {
      if (data[type] !== undefined) out.warnings.push(issueAt(context, [...entryPath, type], `resource ${type} are not supported by Sluice yet; ignored`));
    }
    const key = `${customizationsKey}[${JSON.stringify(groupKindKey)}]["health.lua"]`;
    if (data['health.lua']?.trim()) entry.health = { script: data['health.lua'], key };
    if (data['health.lua.useOpenLibs'] !== undefined) entry.useOpenLibs = { value: data['health.lua.useOpenLibs'], key, path: [...entryPath, 'health.lua.useOpenLibs'] };
    if (data.ignoreDifferences !== undefined) {
      const rulesPath = [...entryPath, 'ignoreDifferences'];
      // YAML inside YAML: its problems are named by field, without lines.
      const nested: SpecContext = { file: context.file };
      const rules = typeof data.ignoreDifferences === 'string'
        ? readEmbeddedYaml(data.ignoreDifferences, ignoreDifferencesSchema, nested, rulesPath, out)
        : checkEmbedded(data.ignoreDifferences, ignoreDifferencesSchema, nested, rulesPath, out);
      if (rules) entry.ignoreDifferences = rules;
    }
  }
}

/** `resource.exclusions` / `resource.inclusions`: a YAML list of { apiGroups, kinds, clusters }. */
function readFilters(key: string, text: string, context: SpecContext, out: ParsedArgoCdCm): ResourceFilter[] {
  const path = ['data', key];
  const value = readYamlValue(text, context, path, out);
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    out.errors.push(issueAt(context, path, `expected a YAML list of { apiGroups, kinds, clusters }, got ${describeKind(value)}`));
    return [];
  }
  const embedded = embeddedContext(context, path, text);
  return value.flatMap((entry, index) => {
    const parsed = parseWithSchema(filterSchema, dropNulls(entry), embedded.at([index]), { unknownFields: 'warn', echoValues: true });
    out.warnings.push(...parsed.warnings.map((issue) => embedded.within(issue, [index])));
    out.errors.push(...parsed.errors.map((issue) => embedded.within(issue, [index])));
    if (!parsed.data) return [];
    const bad = [...parsed.data.apiGroups.map((pattern, i) => ['apiGroups', i, pattern] as const), ...parsed.data.clusters.map((pattern, i) => ['clusters', i, pattern] as const)]
      .flatMap(([field, i, pattern]) => {
        try {
          compileArgoGlob(pattern);
          return [];
        } catch (error) {
          return [issueAt(embedded.at([index]), [field, i], `${JSON.stringify(pattern)} is not a valid pattern: ${(error as Error).message}`)];
        }
      });
    out.errors.push(...bad.map((issue) => embedded.within(issue, [index])));
    return bad.length ? [] : [parsed.data];
  });
}

/** A data value that holds YAML, validated by `schema`; `null` for an empty value, undefined when it is invalid. */
function readEmbeddedYaml<T>(text: string, schema: z.ZodType<T>, context: SpecContext, path: FieldPath, out: ParsedArgoCdCm): T | null | undefined {
  const value = readYamlValue(text, context, path, out);
  if (value === undefined) return undefined;
  if (value === null) return null;
  return checkEmbedded(value, schema, embeddedContext(context, path, text).at([]), path, out);
}

function checkEmbedded<T>(value: unknown, schema: z.ZodType<T>, context: SpecContext, path: FieldPath, out: ParsedArgoCdCm): T | undefined {
  const parsed = parseWithSchema(schema, dropNulls(value), context, { unknownFields: 'warn', echoValues: true });
  const within = (issue: SpecIssue): SpecIssue => ({ ...issue, field: joinField(formatField(path), issue.field) });
  out.warnings.push(...parsed.warnings.map(within));
  out.errors.push(...parsed.errors.map(within));
  return parsed.data;
}

/** The YAML inside a data value; undefined (and an error) when it does not parse. Lines are the file's. */
function readYamlValue(text: string, context: SpecContext, path: FieldPath, out: ParsedArgoCdCm): unknown {
  const { documents, issues } = readYamlDocuments(text, context.file);
  const keyLine = context.lineOf?.(path);
  if (issues.length) {
    const first = issues[0]!.message.replace(/\(line (\d+), column (\d+)\)$/, (_, line: string, column: string) => `(${lineText(keyLine, Number(line), text)}, column ${column})`);
    out.errors.push({ file: context.file, field: formatField(path), message: `is not valid YAML: ${first}` });
    return undefined;
  }
  if (documents.length > 1) {
    out.errors.push(issueAt(context, path, 'holds several YAML documents; expected one'));
    return undefined;
  }
  return documents[0]?.value ?? null;
}

/**
 * Contexts for the YAML inside a data value, at `prefix` within it: fields are named from the data key down, and
 * lines are the file's when the value is a block (`key: |`, where its line n is the key's line + n), else the key's.
 */
function embeddedContext(context: SpecContext, path: FieldPath, text: string): { at: (prefix: FieldPath) => SpecContext; within: (issue: SpecIssue, prefix: FieldPath) => SpecIssue } {
  const inner = readYamlDocuments(text, context.file).documents[0];
  const keyLine = context.lineOf?.(path);
  return {
    at: (prefix) => ({
      file: context.file,
      lineOf: (innerPath) => {
        const line = inner?.lineOf([...prefix, ...innerPath]);
        return keyLine === undefined ? undefined : isBlock(text) && line !== undefined ? keyLine + line : keyLine;
      },
    }),
    within: (issue, prefix) => ({ ...issue, field: joinField(formatField([...path, ...prefix]), issue.field) }),
  };
}

function lineText(keyLine: number | undefined, innerLine: number, text: string): string {
  if (keyLine === undefined) return `line ${innerLine} of the value`;
  return `line ${isBlock(text) ? keyLine + innerLine : keyLine}`;
}

/** A multi-line value was written as a block scalar (`key: |`): its first line is the one after the key. */
function isBlock(text: string): boolean {
  return text.includes('\n');
}

/** `data["resource.exclusions"]` + `[0].kinds` → `data["resource.exclusions"][0].kinds`. */
function joinField(prefix: string, field: string): string {
  if (field === '(document)') return prefix;
  return field.startsWith('[') ? `${prefix}${field}` : `${prefix}.${field}`;
}

/** Go's strconv.ParseBool, which Argo CD reads `useOpenLibs` with. */
function parseGoBool(text: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(text)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(text)) return false;
  return undefined;
}
