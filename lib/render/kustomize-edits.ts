import type { KustomizeSource } from '../model/index.js';
import { envsubst } from './argocd-env.js';
import { RenderError } from './errors.js';
import { checkKustomizeOverrides } from './spec-strings.js';

function keyValues(field: string, map: Record<string, string>): string[] {
  return Object.entries(map).map(([key, value]) => {
    if (key.includes(',') || key.includes(':') || value.includes(',')) {
      throw new RenderError(`spec.source.kustomize.${field}.${key}: kustomize edit cannot take a "," (or a ":" in the key); ` +
        'set it in the kustomization file instead');
    }
    return `${key}:${value}`;
  });
}

const mapValues = (map: Record<string, string>, f: (value: string) => string) =>
  Object.fromEntries(Object.entries(map).map(([key, value]) => [key, f(value)]));

/**
 * The overrides with Argo CD's `$ARGOCD_APP_*` substitution done where Argo CD does it: in images and commonLabels
 * values always, in commonAnnotations values with commonAnnotationsEnvsubst.
 */
export function substitutedOverrides(overrides: KustomizeSource, env: Readonly<Record<string, string>>): KustomizeSource {
  const subst = (value: string) => envsubst(value, env);
  return {
    ...overrides,
    images: overrides.images.map(subst),
    commonLabels: mapValues(overrides.commonLabels, subst),
    commonAnnotations: overrides.commonAnnotationsEnvsubst ? mapValues(overrides.commonAnnotations, subst) : overrides.commonAnnotations,
  };
}

export interface KustomizeEditOptions {
  /** Argo CD's build environment, for `$ARGOCD_APP_*` in values (see argoBuildEnv); default none, so they expand to "". */
  env?: Readonly<Record<string, string>>;
  /** The components to add, when not all of overrides.components (ignoreMissingComponents leaves the missing out). */
  components?: readonly string[];
}

/**
 * The `kustomize edit` commands Argo CD runs in the kustomization directory before building, in its order: name
 * prefix and suffix, images, replicas, common labels and annotations (with their flags), namespace, components.
 * (Patches are no command: see addPatches.) Empty when nothing is overridden. Every value is checked first and passed
 * after `--`, so none can be read as a flag.
 */
export function kustomizeEditCommands(raw: KustomizeSource | undefined, options: KustomizeEditOptions = {}): string[][] {
  if (!raw) return [];
  const overrides = substitutedOverrides(raw, options.env ?? {});
  checkKustomizeOverrides(overrides);
  const commands: string[][] = [];
  if (overrides.namePrefix) commands.push(['edit', 'set', 'nameprefix', '--', overrides.namePrefix]);
  if (overrides.nameSuffix) commands.push(['edit', 'set', 'namesuffix', '--', overrides.nameSuffix]);
  if (overrides.images.length > 0) commands.push(['edit', 'set', 'image', '--', ...overrides.images]);
  if (overrides.replicas?.length) {
    commands.push(['edit', 'set', 'replicas', '--', ...overrides.replicas.map((r) => `${r.name}=${r.count}`)]);
  }
  if (Object.keys(overrides.commonLabels).length > 0) {
    const flags = [
      ...(overrides.forceCommonLabels ? ['--force'] : []),
      ...(overrides.labelWithoutSelector ? ['--without-selector'] : []),
      ...(overrides.labelIncludeTemplates ? ['--include-templates'] : []),
    ];
    commands.push(['edit', 'add', 'label', ...flags, '--', ...keyValues('commonLabels', overrides.commonLabels)]);
  }
  if (Object.keys(overrides.commonAnnotations).length > 0) {
    const flags = overrides.forceCommonAnnotations ? ['--force'] : [];
    commands.push(['edit', 'add', 'annotation', ...flags, '--', ...keyValues('commonAnnotations', overrides.commonAnnotations)]);
  }
  if (overrides.namespace) commands.push(['edit', 'set', 'namespace', '--', overrides.namespace]);
  const components = options.components ?? overrides.components ?? [];
  if (components.length > 0) commands.push(['edit', 'add', 'component', '--', ...components]);
  return commands;
}
