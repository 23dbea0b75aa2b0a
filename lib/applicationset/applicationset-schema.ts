import { z } from 'zod';

/** Argo CD's ApplicationSet (argoproj.io/v1alpha1) as users write it. Templates stay raw: they are rendered first. */

const labelSelector = z.strictObject({
  matchLabels: z.record(z.string(), z.string()).default({}),
  matchExpressions: z.array(z.strictObject({
    key: z.string().min(1, 'must not be empty'),
    operator: z.enum(['In', 'NotIn', 'Exists', 'DoesNotExist']),
    values: z.array(z.string()).default([]),
  })).default([]),
});

const templateMetadata = z.strictObject({
  name: z.unknown().optional(),
  namespace: z.unknown().optional(),
  labels: z.unknown().optional(),
  annotations: z.unknown().optional(),
  finalizers: z.unknown().optional(),
});

const rawObject = z.record(z.string(), z.unknown());

const template = z.strictObject({
  metadata: templateMetadata.default({}),
  spec: rawObject.default({}),
});

const values = z.record(z.string(), z.string({ error: 'values are strings; put the value in quotes' })).default({});

const list = z.strictObject({
  elements: z.array(z.unknown()).default([]),
  elementsYaml: z.string().optional(),
  template: template.optional(),
});

const clusters = z.strictObject({
  selector: labelSelector.optional(),
  values,
  template: template.optional(),
});

const gitPathItem = z.strictObject({
  path: z.string().min(1, 'must not be empty'),
  exclude: z.boolean().default(false),
});

const git = z.strictObject({
  repoURL: z.string().min(1, 'must not be empty'),
  revision: z.string().default('HEAD').transform((revision) => revision || 'HEAD'),
  directories: z.array(gitPathItem).default([]),
  files: z.array(gitPathItem).default([]),
  pathParamPrefix: z.string().optional(),
  values,
  requeueAfterSeconds: z.number().optional(),
  template: template.optional(),
}).superRefine((value, ctx) => {
  if (!value.directories.length && !value.files.length) ctx.addIssue({ code: 'custom', path: [], message: 'set directories or files: the paths of the repository to generate from' });
  if (value.directories.length && value.files.length) ctx.addIssue({ code: 'custom', path: ['files'], message: 'set either directories or files, not both' });
}).transform(({ requeueAfterSeconds: _, ...rest }) => rest);

const kinds = ['list', 'clusters', 'git', 'matrix', 'merge'] as const;
const unsupportedKinds = ['scmProvider', 'pullRequest', 'clusterDecisionResource', 'plugin'] as const;

type GeneratorInput = z.input<typeof list> | z.input<typeof clusters> | z.input<typeof git> | Record<string, unknown>;

function generatorSchema(depth: number): z.ZodType {
  const nested = depth < 3 ? z.array(z.lazy(() => generatorSchema(depth + 1))) : z.array(z.unknown()).refine(() => false, 'matrix and merge generators nest at most three levels deep');
  return z.strictObject({
    list: list.optional(),
    clusters: clusters.optional(),
    git: git.optional(),
    matrix: z.strictObject({ generators: nested, template: template.optional() }).optional(),
    merge: z.strictObject({ generators: nested, mergeKeys: z.array(z.string().min(1)).min(1, 'list at least one parameter to merge on'), template: template.optional() }).optional(),
    selector: labelSelector.optional(),
    ...Object.fromEntries(unsupportedKinds.map((kind) => [kind, z.unknown().optional()])),
  }).superRefine((value: Record<string, GeneratorInput | undefined>, ctx) => {
    for (const kind of unsupportedKinds) {
      if (value[kind] !== undefined) ctx.addIssue({ code: 'custom', path: [kind], message: `the ${kind} generator is not supported by Sluice yet; use list, clusters, git, matrix or merge` });
    }
    const set = kinds.filter((kind) => value[kind] !== undefined);
    if (set.length === 0 && !unsupportedKinds.some((kind) => value[kind] !== undefined)) ctx.addIssue({ code: 'custom', path: [], message: `set one generator: ${kinds.join(', ')}` });
    if (set.length > 1) ctx.addIssue({ code: 'custom', path: [set[1]!], message: `one generator per entry; found ${set.join(' and ')} (list them as separate entries)` });
    const combined = (value.matrix ?? value.merge) as { generators?: unknown[] } | undefined;
    if (combined?.generators && combined.generators.length < 2) ctx.addIssue({ code: 'custom', path: [value.matrix ? 'matrix' : 'merge', 'generators'], message: 'needs at least two generators' });
    if (value.matrix && (value.matrix as { generators: unknown[] }).generators.length > 2) ctx.addIssue({ code: 'custom', path: ['matrix', 'generators'], message: 'a matrix combines exactly two generators (nest another matrix for more)' });
  }).transform((value: Record<string, unknown>) => Object.fromEntries(Object.entries(value).filter(([key, entry]) => entry !== undefined && !(unsupportedKinds as readonly string[]).includes(key))));
}

export const applicationSetSchema = z.object({
  apiVersion: z.literal('argoproj.io/v1alpha1'),
  kind: z.literal('ApplicationSet'),
  metadata: z.object({
    name: z.string().min(1, 'must not be empty').max(253, 'must be at most 253 characters')
      .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/, 'expected a Kubernetes name: lowercase letters, digits, "-" and ".", starting and ending with a letter or digit'),
    namespace: z.string().optional(),
    labels: z.record(z.string(), z.string()).optional(),
    annotations: z.record(z.string(), z.string()).optional(),
  }).loose(),
  spec: z.strictObject({
    generators: z.array(generatorSchema(1)).min(1, 'list at least one generator'),
    template,
    goTemplate: z.boolean().default(false),
    goTemplateOptions: z.array(z.string().regex(/^missingkey=(default|invalid|zero|error)$/, 'expected missingkey=default, missingkey=invalid, missingkey=zero or missingkey=error')).default([]),
    templatePatch: z.string().optional(),
    applyNestedSelectors: z.boolean().default(false),
    syncPolicy: z.strictObject({
      preserveResourcesOnDeletion: z.boolean().default(false),
      applicationsSync: z.enum(['create-only', 'create-update', 'create-delete', 'sync']).default('sync'),
    }).default({ preserveResourcesOnDeletion: false, applicationsSync: 'sync' }),
  }).superRefine((value, ctx) => {
    if (value.templatePatch !== undefined && !value.goTemplate) ctx.addIssue({ code: 'custom', path: ['templatePatch'], message: 'templatePatch needs goTemplate: true (Argo CD renders it as a Go template)' });
  }),
});

export type ApplicationSetDocument = z.output<typeof applicationSetSchema>;
