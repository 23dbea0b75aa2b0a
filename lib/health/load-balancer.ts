import type { KubeObject } from '../kube/index.js';
import { listAt, stringAt } from './fields.js';
import { healthOf } from './health-of.js';
import type { Health } from './types.js';

function hasLoadBalancerIngress(object: KubeObject): boolean {
  return (listAt(object, 'status', 'loadBalancer', 'ingress') ?? []).length > 0;
}

/** core/Service: a LoadBalancer waits for its address; every other type is Healthy once it exists. */
export function serviceHealth(service: KubeObject): Health {
  if (stringAt(service, 'spec', 'type') !== 'LoadBalancer') return healthOf('Healthy');
  return healthOf(hasLoadBalancerIngress(service) ? 'Healthy' : 'Progressing');
}

/** networking/Ingress: Healthy once the controller has published an address. */
export function ingressHealth(ingress: KubeObject): Health {
  return healthOf(hasLoadBalancerIngress(ingress) ? 'Healthy' : 'Progressing');
}
