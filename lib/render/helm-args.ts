import type { HelmParameter } from '../model/index.js';

export interface HelmTemplateInputs {
  releaseName: string;
  chartDir: string;
  namespace?: string;
  /** Absolute paths, in the order given in spec.source.helm.valueFiles. */
  valueFiles: string[];
  /** File holding spec.source.helm.valuesObject (or values); applied after the value files. */
  inlineValuesFile?: string;
  parameters: HelmParameter[];
}

/** Helm splits `--set` values on unescaped commas; a parameter value is one value, so its commas are escaped. */
export function escapeSetValue(value: string): string {
  return value.replace(/(?<!\\),/g, '\\,');
}

/**
 * `helm template` arguments with Argo CD's value precedence, lowest first: value files in order, then the inline
 * values, then parameters (`--set`, or `--set-string` when forceString), which Helm applies after all files.
 */
export function helmTemplateArgs(inputs: HelmTemplateInputs): string[] {
  const args = ['template', inputs.releaseName, inputs.chartDir, '--include-crds'];
  if (inputs.namespace) args.push('--namespace', inputs.namespace);
  for (const file of inputs.valueFiles) args.push('--values', file);
  if (inputs.inlineValuesFile) args.push('--values', inputs.inlineValuesFile);
  for (const p of inputs.parameters) args.push(p.forceString ? '--set-string' : '--set', `${p.name}=${escapeSetValue(p.value)}`);
  return args;
}
