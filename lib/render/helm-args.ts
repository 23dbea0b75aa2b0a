import type { HelmParameter } from '../model/index.js';
import { checkHelmParameters, checkNamespace, checkReleaseName } from './spec-strings.js';

export interface HelmTemplateInputs {
  releaseName: string;
  chartDir: string;
  namespace?: string;
  /** Absolute paths, in the order given in spec.source.helm.valueFiles. */
  valueFiles: string[];
  /** File holding spec.source.helm.valuesObject (or values); applied after the value files. */
  inlineValuesFile?: string;
  parameters: HelmParameter[];
  /** Leave crds/ out (spec.source.helm.skipCrds). */
  skipCrds?: boolean;
  /** `--kube-version` and `--api-versions`: the app's, else the destination cluster's. */
  kubeVersion?: string;
  apiVersions?: string[];
}

const kubeVersionText = /^v?\d+\.\d+(\.\d+)?([-+][0-9A-Za-z.+-]*)?$/;
const apiVersionText = /^[A-Za-z0-9][A-Za-z0-9.-]*(\/[A-Za-z0-9][A-Za-z0-9.-]*)*$/;

/** Helm splits `--set` values on unescaped commas; a parameter value is one value, so its commas are escaped. */
export function escapeSetValue(value: string): string {
  return value.replace(/(?<!\\),/g, '\\,');
}

/**
 * `helm template` arguments with Argo CD's value precedence, lowest first: value files in order, then the inline
 * values, then parameters (`--set`, or `--set-string` when forceString), which Helm applies after all files.
 * Spec strings are checked first; every flag takes its value after `=`, and the release name and chart come after
 * `--`, so no spec string can be read as a flag.
 */
export function helmTemplateArgs(inputs: HelmTemplateInputs): string[] {
  checkReleaseName(inputs.releaseName);
  if (inputs.namespace) checkNamespace(inputs.namespace, 'spec.destination.namespace');
  checkHelmParameters(inputs.parameters);
  const args = inputs.skipCrds ? ['template', '--skip-crds'] : ['template', '--include-crds'];
  if (inputs.namespace) args.push(`--namespace=${inputs.namespace}`);
  if (inputs.kubeVersion && kubeVersionText.test(inputs.kubeVersion)) args.push(`--kube-version=${inputs.kubeVersion}`);
  for (const api of inputs.apiVersions ?? []) if (apiVersionText.test(api)) args.push(`--api-versions=${api}`);
  for (const file of inputs.valueFiles) args.push(`--values=${file}`);
  if (inputs.inlineValuesFile) args.push(`--values=${inputs.inlineValuesFile}`);
  for (const p of inputs.parameters) args.push(`${p.forceString ? '--set-string' : '--set'}=${p.name}=${escapeSetValue(p.value)}`);
  args.push('--', inputs.releaseName, inputs.chartDir);
  return args;
}
