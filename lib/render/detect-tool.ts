import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { ApplicationSource } from '../model/index.js';
import { RenderError } from './errors.js';
import type { RenderTool } from './types.js';

/** The file names kustomize recognises as a kustomization. */
export const kustomizationFiles = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'] as const;

const isFile = (path: string) => statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;

/**
 * The tool that renders `dir`, as Argo CD picks it: an explicit `helm`, `kustomize` or `directory` block in the
 * source decides; otherwise a kustomization file means Kustomize (even beside a Chart.yaml, as in Argo CD),
 * a Chart.yaml means Helm, and anything else is a plain directory.
 */
export function detectTool(dir: string, source: Pick<ApplicationSource, 'helm' | 'kustomize' | 'directory'>): RenderTool {
  const explicit = (['helm', 'kustomize', 'directory'] as const).filter((tool) => source[tool] !== undefined);
  if (explicit.length > 1) {
    throw new RenderError(`spec.source: ${explicit.join(' and ')} are ${explicit.length === 2 ? 'both' : 'all'} set; ` +
      'keep only the block of the tool that renders this path');
  }
  if (explicit[0]) return explicit[0];
  if (kustomizationFiles.some((name) => isFile(join(dir, name)))) return 'kustomize';
  if (isFile(join(dir, 'Chart.yaml'))) return 'helm';
  return 'directory';
}
