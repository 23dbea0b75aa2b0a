import type { Application } from '../../model/index.js';
import { CliError } from '../errors.js';

export interface LocalCluster {
  name: string;
  server: string;
}

const trimmed = (url: string) => url.replace(/\/+$/, '');

/** Local mode has one cluster, the kubeconfig's: an app deploying elsewhere is refused, never redirected. */
export function checkDestination(app: Application, cluster: LocalCluster): void {
  const { name, server } = app.destination;
  if (name) {
    if (name === cluster.name) return;
    throw new CliError(`app ${app.name}: its destination is cluster "${name}", and the kubeconfig's cluster is named "${cluster.name}"; if the kubeconfig points at "${name}", pass --cluster-name ${name}`);
  }
  if (server && trimmed(server) === trimmed(cluster.server)) return;
  throw new CliError(`app ${app.name}: its destination server ${server ?? '(none)'} is not the kubeconfig's server ${cluster.server}; choose the right --kubeconfig or --context`);
}
