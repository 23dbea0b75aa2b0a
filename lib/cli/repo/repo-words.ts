import type { RepositoryKind } from '../../repositories/index.js';

/** How the commands of each kind name it: `sluice repo …` for repositories, `sluice repocreds …` for templates (Argo CD's verbs). */
export const repoWords = {
  repository: { group: 'repo', noun: 'repository', url: 'url', plural: 'repositories' },
  template: { group: 'repocreds', noun: 'credential template', url: 'url-prefix', plural: 'credential templates' },
} as const satisfies Record<RepositoryKind, { group: string; noun: string; url: string; plural: string }>;
