import type { KustomizeSource } from '../model/index.js';
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

/**
 * The `kustomize edit` commands Argo CD runs in the kustomization directory before building, in its order: name
 * prefix and suffix, images, common labels and annotations, namespace. Empty when nothing is overridden. Every value
 * is checked first and passed after `--`, so none can be read as a flag.
 */
export function kustomizeEditCommands(overrides: KustomizeSource | undefined): string[][] {
  if (!overrides) return [];
  checkKustomizeOverrides(overrides);
  const commands: string[][] = [];
  if (overrides.namePrefix) commands.push(['edit', 'set', 'nameprefix', '--', overrides.namePrefix]);
  if (overrides.nameSuffix) commands.push(['edit', 'set', 'namesuffix', '--', overrides.nameSuffix]);
  if (overrides.images.length > 0) commands.push(['edit', 'set', 'image', '--', ...overrides.images]);
  if (Object.keys(overrides.commonLabels).length > 0) {
    commands.push(['edit', 'add', 'label', '--', ...keyValues('commonLabels', overrides.commonLabels)]);
  }
  if (Object.keys(overrides.commonAnnotations).length > 0) {
    commands.push(['edit', 'add', 'annotation', '--', ...keyValues('commonAnnotations', overrides.commonAnnotations)]);
  }
  if (overrides.namespace) commands.push(['edit', 'set', 'namespace', '--', overrides.namespace]);
  return commands;
}
