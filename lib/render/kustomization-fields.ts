/**
 * Every field of a kustomization (kustomize api/types Kustomization) that names a file, a directory or a URL, and
 * how kustomize loads it. Anything kustomize could read or fetch is listed here, so that it can be checked first.
 */

/** How a reference is loaded: `base` may be a file or a kustomization directory (walked in turn); `plugin` may also be inline YAML. */
export type ReferenceKind = 'file' | 'dir' | 'base' | 'plugin' | 'file-or-inline' | 'forbidden';

export interface Reference {
  /** Where in the kustomization, e.g. `resources[2]` or `configMapGenerator[0].files[1]`. */
  field: string;
  value: string;
  kind: ReferenceKind;
}

type Kustomization = Record<string, unknown>;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

function strings(field: string, value: unknown, kind: ReferenceKind): Reference[] {
  if (typeof value === 'string') return value === '' ? [] : [{ field, value, kind }];
  return list(value).flatMap((v, i) => (typeof v === 'string' && v !== '' ? [{ field: `${field}[${i}]`, value: v, kind }] : []));
}

/** `key=path` or `path`, as in generator `files`. */
const fileSource = (entry: string) => entry.slice(entry.indexOf('=') + 1);

function generatorSources(name: string, value: unknown): Reference[] {
  return list(value).flatMap((gen, i) => {
    if (!isRecord(gen)) return [];
    const at = `${name}[${i}]`;
    return [
      ...strings(`${at}.files`, gen.files, 'file').map((r) => ({ ...r, value: fileSource(r.value) })),
      ...strings(`${at}.envs`, gen.envs, 'file'),
      ...strings(`${at}.env`, gen.env, 'file'),
    ];
  });
}

function pathsOf(name: string, value: unknown): Reference[] {
  return list(value).flatMap((entry, i) => (isRecord(entry) ? strings(`${name}[${i}].path`, entry.path, 'file') : []));
}

function helmFields(k: Kustomization): Reference[] {
  const globals = isRecord(k.helmGlobals) ? k.helmGlobals : {};
  return [
    ...strings('helmGlobals.chartHome', globals.chartHome, 'dir'),
    ...strings('helmGlobals.configHome', globals.configHome, 'dir'),
    ...list(k.helmCharts).flatMap((chart, i) => (isRecord(chart) ? [
      ...strings(`helmCharts[${i}].valuesFile`, chart.valuesFile, 'file'),
      ...strings(`helmCharts[${i}].additionalValuesFiles`, chart.additionalValuesFiles, 'file'),
    ] : [])),
    ...list(k.helmChartInflationGenerator).flatMap((gen, i) => (isRecord(gen) ? [
      ...strings(`helmChartInflationGenerator[${i}].chartHome`, gen.chartHome, 'dir'),
      ...strings(`helmChartInflationGenerator[${i}].helmHome`, gen.helmHome, 'dir'),
      ...strings(`helmChartInflationGenerator[${i}].values`, gen.values, 'file'),
      ...strings(`helmChartInflationGenerator[${i}].helmBin`, gen.helmBin, 'forbidden'),
    ] : [])),
  ];
}

/** The references of one parsed kustomization, in file order of their fields. */
export function kustomizationReferences(k: Kustomization): Reference[] {
  const openapi = isRecord(k.openapi) ? k.openapi : {};
  return [
    ...strings('resources', k.resources, 'base'),
    ...strings('bases', k.bases, 'base'),
    ...strings('components', k.components, 'base'),
    ...strings('crds', k.crds, 'file'),
    ...strings('configurations', k.configurations, 'file'),
    ...strings('openapi.path', openapi.path, 'file'),
    ...strings('patchesStrategicMerge', k.patchesStrategicMerge, 'file-or-inline'),
    ...pathsOf('patches', k.patches),
    ...pathsOf('patchesJson6902', k.patchesJson6902),
    ...pathsOf('replacements', k.replacements),
    ...generatorSources('configMapGenerator', k.configMapGenerator),
    ...generatorSources('secretGenerator', k.secretGenerator),
    ...helmFields(k),
    ...strings('generators', k.generators, 'plugin'),
    ...strings('transformers', k.transformers, 'plugin'),
    ...strings('validators', k.validators, 'plugin'),
  ];
}

/** Keys of built-in generator and transformer configs (PatchTransformer, ConfigMapGenerator, …) that name files. */
const pluginPathKeys: Record<string, ReferenceKind> = {
  path: 'file', paths: 'file', files: 'file', envs: 'file', env: 'file', valuesFile: 'file', additionalValuesFiles: 'file',
  values: 'file', chartHome: 'dir', helmHome: 'dir', configHome: 'dir', helmBin: 'forbidden',
};

/**
 * Path-like strings anywhere in a plugin config document, found by key whatever the plugin kind: an unknown kind's
 * `path` is checked too, which costs nothing for a config that has none.
 */
export function pluginConfigReferences(doc: unknown, at = ''): Reference[] {
  const found: Reference[] = [];
  const pending: Array<[unknown, string]> = [[doc, at]];
  while (pending.length > 0) {
    const [value, field] = pending.pop()!;
    if (Array.isArray(value)) value.forEach((v, i) => pending.push([v, `${field}[${i}]`]));
    else if (isRecord(value)) {
      for (const [key, v] of Object.entries(value)) {
        const name = field ? `${field}.${key}` : key;
        const kind = pluginPathKeys[key];
        if (kind) {
          for (const ref of strings(name, v, kind)) if (!ref.value.includes('\n')) found.push({ ...ref, value: key === 'files' ? fileSource(ref.value) : ref.value });
        }
        if (typeof v === 'object' && v !== null) pending.push([v, name]);
      }
    }
  }
  return found;
}
