/** Kubernetes and Argo CD YAML as users write it, for tests: one builder per kind, so tests state only what differs. */
import type { TestRepo } from './git.js';
import { stack } from './stack.js';

function annotationLines(annotations: Record<string, string>, indent: string): string {
  const entries = Object.entries(annotations);
  return entries.length ? `${indent}annotations:\n${entries.map(([k, v]) => `${indent}  ${k}: ${JSON.stringify(v)}\n`).join('')}` : '';
}

export interface DeploymentOptions {
  replicas?: number;
  namespace?: string;
  annotations?: Record<string, string>;
  /** The `app` label of selector and pods; default the name. */
  selectorApp?: string;
  /** YAML appended under spec.template.spec, indented six spaces. */
  podSpec?: string;
}

/** A Deployment of one container, image `registry.invalid/<name>:1.0`. */
export function deploymentYaml(name: string, options: DeploymentOptions = {}): string {
  const app = options.selectorApp ?? name;
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
${options.namespace ? `  namespace: ${options.namespace}\n` : ''}${annotationLines(options.annotations ?? {}, '  ')}spec:
  replicas: ${options.replicas ?? 1}
  selector:
    matchLabels: { app: ${app} }
  template:
    metadata:
      labels: { app: ${app} }
    spec:
      containers:
        - name: main
          image: registry.invalid/${name}:1.0
${options.podSpec ?? ''}`;
}

export function configMapYaml(name: string, data: Record<string, string>, annotations: Record<string, string> = {}): string {
  const dataLines = Object.entries(data).map(([k, v]) => `  ${k}: ${JSON.stringify(v)}\n`).join('');
  return `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n${annotationLines(annotations, '  ')}data:\n${dataLines}`;
}

/**
 * A Job that runs as an Argo CD hook (`PreSync`, `PostDelete`…), with more annotations when given (a delete policy).
 * `restartPolicy: Always` makes a Job the API server refuses: a hook that fails.
 */
export function hookJobYaml(name: string, hook: string, options: { restartPolicy?: string; annotations?: Record<string, string> } = {}): string {
  const annotations = annotationLines({ 'argocd.argoproj.io/hook': hook, ...options.annotations }, '  ');
  return `apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: ${name}\n${annotations}spec:\n  backoffLimit: 0\n  template:\n    spec:\n`
    + `      restartPolicy: ${options.restartPolicy ?? 'Never'}\n      containers:\n        - name: run\n          image: registry.invalid/${name}:1.0\n`;
}

/**
 * An Application written the way Argo CD users write it. `extra` is YAML appended under `spec:` (two-space
 * indented); the destination is the test cluster's server unless a registered cluster is named.
 */
export function argoApplication(name: string, repo: Pick<TestRepo, 'url'>, path: string, namespace: string, extra = '',
  destination: { name: string } | { server: string } = { server: stack.kube.server }): string {
  return `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: ${name}
  namespace: argocd
spec:
  project: default
  source:
    repoURL: ${repo.url}
    targetRevision: main
    path: ${path}
  destination:
    ${'name' in destination ? `name: ${destination.name}` : `server: ${destination.server}`}
    namespace: ${namespace}
${extra}`;
}
