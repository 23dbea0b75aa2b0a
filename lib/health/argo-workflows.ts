import type { KubeObject } from '../kube/index.js';
import { booleanAt, recordAt, stringAt } from './fields.js';
import { healthOf } from './health-of.js';
import { phaseHealth } from './phase-rule.js';
import type { Health, HealthStatus } from './types.js';

const workflowPhases: Readonly<Record<string, HealthStatus>> = {
  Pending: 'Progressing',
  Running: 'Progressing',
  Succeeded: 'Healthy',
  Failed: 'Degraded',
  Error: 'Degraded',
};

/** The names of suspend steps the workflow is waiting at (an approval, `argo resume`). */
function waitingSuspendSteps(workflow: KubeObject): string[] {
  const nodes = Object.values(recordAt(workflow, 'status', 'nodes') ?? {});
  return nodes.flatMap((node) =>
    stringAt(node, 'type') === 'Suspend' && stringAt(node, 'phase') === 'Running' ? [stringAt(node, 'displayName') ?? stringAt(node, 'name') ?? 'suspend'] : [],
  );
}

/** argoproj.io/Workflow by its phase; a suspended workflow, or one waiting at a suspend step, is Suspended. */
export function workflowHealth(workflow: KubeObject): Health {
  if (booleanAt(workflow, 'spec', 'suspend')) return healthOf('Suspended', 'the workflow is suspended');
  if (stringAt(workflow, 'status', 'phase') === 'Running') {
    const waiting = waitingSuspendSteps(workflow);
    if (waiting.length > 0) return healthOf('Suspended', `waiting at suspend step ${waiting.join(', ')}`);
  }
  return phaseHealth(workflow, workflowPhases);
}
