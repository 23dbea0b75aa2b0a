import { z } from 'zod';
import { goDuration, namespaceName, nonEmptyString, objectName, repoPath, repoUrl, serverUrl, stringList, stringMap } from './schema-fields.js';

/** Argo CD's Application (argoproj.io/v1alpha1) as users write it; Sluice defaults applied. */

const helmParameter = z.strictObject({
  name: nonEmptyString,
  value: z.string().default(''),
  forceString: z.boolean().optional(),
});

const helm = z.strictObject({
  releaseName: z.string().optional(),
  valueFiles: stringList,
  values: z.string({ error: 'write a YAML block string (values: |), or use valuesObject for a mapping' }).optional(),
  valuesObject: z.record(z.string(), z.unknown()).optional(),
  parameters: z.array(helmParameter).default([]),
  ignoreMissingValueFiles: z.boolean().optional(),
  passCredentials: z.boolean().optional(),
  skipCrds: z.boolean().optional(),
  namespace: namespaceName.optional(),
  kubeVersion: z.string().regex(/^v?\d+\.\d+(\.\d+)?$/, 'expected a Kubernetes version such as 1.30 or v1.30.2').optional(),
  apiVersions: z.array(z.string().regex(/^[a-zA-Z0-9][a-zA-Z0-9.-]*(\/[a-zA-Z0-9][a-zA-Z0-9.-]*)*$/, 'expected an API version such as apps/v1 or monitoring.coreos.com/v1/ServiceMonitor')).optional(),
});

/** Argo CD's replica count is an int or a string holding one. */
const replicaCount = z.union([z.int().min(0, 'must be 0 or more'), z.string().regex(/^\d+$/, 'expected a whole number')]).transform(Number);

const kustomizePatch = z.strictObject({
  path: z.string().optional(),
  patch: z.string().optional(),
  target: z.strictObject({
    group: z.string().optional(),
    version: z.string().optional(),
    kind: z.string().optional(),
    name: z.string().optional(),
    namespace: z.string().optional(),
    labelSelector: z.string().optional(),
    annotationSelector: z.string().optional(),
  }).optional(),
  options: z.record(z.string(), z.boolean()).optional(),
}).refine((patch) => (patch.path === undefined) !== (patch.patch === undefined), 'set either path (a patch file) or patch (the patch inline)');

const kustomize = z.strictObject({
  images: stringList,
  namePrefix: z.string().optional(),
  nameSuffix: z.string().optional(),
  commonLabels: stringMap,
  commonAnnotations: stringMap,
  namespace: namespaceName.optional(),
  replicas: z.array(z.strictObject({ name: nonEmptyString, count: replicaCount })).optional(),
  patches: z.array(kustomizePatch).optional(),
  components: z.array(nonEmptyString).optional(),
  ignoreMissingComponents: z.boolean().optional(),
  forceCommonLabels: z.boolean().optional(),
  forceCommonAnnotations: z.boolean().optional(),
  labelWithoutSelector: z.boolean().optional(),
  labelIncludeTemplates: z.boolean().optional(),
  commonAnnotationsEnvsubst: z.boolean().optional(),
});

const jsonnetVariable = z.strictObject({ name: nonEmptyString, value: z.string().default(''), code: z.boolean().default(false) });

const directory = z.strictObject({
  recurse: z.boolean().default(false),
  include: z.string().optional(),
  exclude: z.string().optional(),
  jsonnet: z.strictObject({
    extVars: z.array(jsonnetVariable).default([]),
    tlas: z.array(jsonnetVariable).default([]),
    libs: z.array(repoPath).default([]),
  }).optional(),
});

const sourceFields = z.strictObject({
  repoURL: nonEmptyString,
  chart: z.string().min(1, 'must not be empty').regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'expected a chart name: letters, digits, ".", "_" and "-"').optional(),
  targetRevision: z.string().default('HEAD').transform((revision) => revision || 'HEAD'),
  path: repoPath.default('.'),
  helm: helm.optional(),
  kustomize: kustomize.optional(),
  directory: directory.optional(),
});

function oneTool(value: Partial<Record<'helm' | 'kustomize' | 'directory', unknown>> & { repoURL?: string; chart?: string }, ctx: z.RefinementCtx): void {
  // A chart source's repoURL is a Helm repository or an OCI registry (checked when fetched); any other, a Git repository.
  if (value.chart === undefined && value.repoURL !== undefined) {
    for (const issue of repoUrl.safeParse(value.repoURL).error?.issues ?? []) ctx.addIssue({ code: 'custom', path: ['repoURL'], message: issue.message });
  }
  const tools = (['helm', 'kustomize', 'directory'] as const).filter((tool) => value[tool] !== undefined);
  if (tools.length > 1) ctx.addIssue({ code: 'custom', path: [tools[1] ?? ''], message: `only one of helm, kustomize and directory may be set; found ${tools.join(' and ')}` });
}

const source = sourceFields.superRefine(oneTool);

/** A name other sources write as `$<ref>/path` in their Helm value files. */
export const sourceRefName = z.string().regex(/^[A-Za-z0-9_-]{1,63}$/, 'expected letters, digits, "-" or "_" (it is written as $<ref>/path in value files)');

/** One entry of spec.sources: a path is optional when the entry is a `ref` source (files for other sources' value files). */
const sourceInList = sourceFields.extend({
  path: repoPath.optional(),
  ref: sourceRefName.optional(),
  name: z.string().optional(),
}).superRefine(oneTool).transform(({ path, ...rest }) => ({ ...rest, path: path ?? '.', ...(path === undefined && rest.ref ? { refOnly: true } : {}) }));

const emptyAsUnset = (text: string | undefined) => text || undefined;

const destination = z.strictObject({
  name: z.string().optional().transform(emptyAsUnset),
  server: z.string().optional().transform(emptyAsUnset).pipe(serverUrl.optional()),
  namespace: z.string().optional().transform(emptyAsUnset).pipe(namespaceName.optional()),
}).superRefine((value, ctx) => {
  if (value.name && value.server) ctx.addIssue({ code: 'custom', path: ['server'], message: 'set either name or server, not both' });
  if (!value.name && !value.server) ctx.addIssue({ code: 'custom', path: [], message: 'set the destination cluster: name (a registered cluster) or server (its API URL)' });
});

/** Argo CD accepts a bare number of seconds for backoff durations. */
const backoffDuration = z.string().transform((text) => (/^\d+$/.test(text) ? `${text}s` : text)).pipe(goDuration);

const retry = z.strictObject({
  limit: z.int().default(0),
  backoff: z.strictObject({
    duration: backoffDuration.default('5s'),
    factor: z.int().min(1, 'must be at least 1').default(2),
    maxDuration: backoffDuration.default('3m'),
  }).prefault({}),
});

const syncPolicy = z.strictObject({
  automated: z.strictObject({
    /** Argo CD 3: `enabled: false` keeps the settings but turns automation off. */
    enabled: z.boolean().optional(),
    prune: z.boolean().default(false),
    selfHeal: z.boolean().default(false),
    allowEmpty: z.boolean().default(false),
  }).optional(),
  syncOptions: stringList,
  retry: retry.optional(),
});

export const jsonPointer = z.string().regex(/^\//, 'expected a JSON pointer starting with "/", e.g. /spec/replicas');

const ignoreDifference = z.strictObject({
  group: z.string().default(''),
  kind: nonEmptyString,
  name: z.string().optional(),
  namespace: z.string().optional(),
  jsonPointers: z.array(jsonPointer).default([]),
  jqPathExpressions: stringList,
  managedFieldsManagers: stringList,
});

const metadata = z.strictObject({
  name: objectName,
  namespace: z.string().optional(),
  labels: stringMap,
  annotations: stringMap,
  /** Argo CD's `resources-finalizer.argocd.argoproj.io` (and its forms) make deleting the app delete its objects. */
  finalizers: stringList,
});

export const applicationSchema = z.strictObject({
  apiVersion: z.literal('argoproj.io/v1alpha1'),
  kind: z.literal('Application'),
  metadata,
  spec: z.strictObject({
    project: z.string().default('default').transform((project) => project || 'default'),
    source: source.optional(),
    sources: z.array(sourceInList).optional(),
    destination,
    syncPolicy: syncPolicy.prefault({}),
    ignoreDifferences: z.array(ignoreDifference).default([]),
    revisionHistoryLimit: z.int().min(0, 'must be 0 or more').default(10),
  }).superRefine((spec, ctx) => {
    if (!spec.source && !spec.sources?.length) ctx.addIssue({ code: 'custom', path: ['source'], message: 'set the app\'s source: spec.source, or spec.sources for a multi-source app' });
  }),
});

export type ApplicationDocument = z.infer<typeof applicationSchema>;
