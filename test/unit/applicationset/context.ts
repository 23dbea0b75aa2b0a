import { toolPath } from '../../../infra/local/paths.js';
import { parseApplicationSet, renderGoTemplates, type ClusterInfo, type GeneratorContext, type GitReader } from '../../../lib/applicationset/index.js';

/** The sluice-appset-template tool build-tools.sh built (npm test builds it first). */
export const goTemplateBin = toolPath('sluice-appset-template');

/** A repository held in memory: path → content (directories are derived from the paths). */
export function memoryGit(files: Record<string, string>): GitReader {
  return {
    async directories() {
      const dirs = new Set<string>();
      for (const path of Object.keys(files)) {
        const parts = path.split('/').slice(0, -1);
        for (let i = 1; i <= parts.length; i++) {
          if (parts.slice(0, i).some((part) => part.startsWith('.'))) break;
          dirs.add(parts.slice(0, i).join('/'));
        }
      }
      return [...dirs].sort();
    },
    async files() {
      return Object.entries(files).map(([path, content]) => ({ path, read: async () => content }));
    },
  };
}

export function contextFor(yaml: unknown, options: { clusters?: ClusterInfo[]; git?: Record<string, string> } = {}): GeneratorContext {
  const { applicationSet } = parseApplicationSet(yaml, 'appsets.yaml');
  return {
    applicationSet,
    clusters: options.clusters ?? [],
    git: memoryGit(options.git ?? {}),
    goTemplate: (items) => renderGoTemplates(items, { bin: goTemplateBin, options: applicationSet.goTemplateOptions, where: `ApplicationSet "${applicationSet.name}"` }),
  };
}

export function appSet(spec: Record<string, unknown>, name = 'guestbook'): unknown {
  return { apiVersion: 'argoproj.io/v1alpha1', kind: 'ApplicationSet', metadata: { name, namespace: 'argocd' }, spec };
}

export const template = {
  metadata: { name: '{{name}}-guestbook' },
  spec: {
    project: 'default',
    source: { repoURL: 'https://github.com/argoproj/argocd-example-apps.git', targetRevision: 'HEAD', path: 'guestbook' },
    destination: { server: '{{server}}', namespace: 'guestbook' },
  },
};
