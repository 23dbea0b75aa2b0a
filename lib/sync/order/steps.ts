import { compareRefs } from './compare-refs.js';
import { comparePhases } from './phase-order.js';
import type { PlannedObject, SyncStep } from './types.js';

/** Groups objects into steps of one phase and wave, steps in run order and objects in kind/namespace/name order. */
export function groupIntoSteps(planned: readonly PlannedObject[]): SyncStep[] {
  const steps = new Map<string, SyncStep>();
  for (const entry of planned) {
    const key = `${entry.phase}/${entry.wave}`;
    const step = steps.get(key) ?? { phase: entry.phase, wave: entry.wave, objects: [] };
    step.objects.push(entry);
    steps.set(key, step);
  }
  const ordered = [...steps.values()].sort((a, b) => comparePhases(a.phase, b.phase) || a.wave - b.wave);
  for (const step of ordered) step.objects.sort((a, b) => compareRefs(a.ref, b.ref));
  return ordered;
}
