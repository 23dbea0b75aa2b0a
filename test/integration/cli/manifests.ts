/** The objects and Applications the CLI tests deploy. */
import { argoApplication, configMapYaml, deploymentYaml } from '../../harness/manifests.js';

export const configMap = (greeting: string) => configMapYaml('greeting', { greeting });

export const deployment = deploymentYaml('web');

export interface ApplicationSpec {
  name: string;
  repoURL: string;
  namespace: string;
  cluster: string;
  automated?: boolean;
}

export const application = ({ name, repoURL, namespace, cluster, automated }: ApplicationSpec) => argoApplication(name, { url: repoURL }, 'app', namespace,
  `  syncPolicy:\n${automated ? '    automated: { prune: true, selfHeal: false }\n' : ''}    syncOptions: [CreateNamespace=true]\n`, { name: cluster });
