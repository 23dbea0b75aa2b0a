import type { KubeObject } from '../kube/index.js';
import { conditionsOf, findCondition, messageOf } from './conditions.js';
import { booleanAt } from './fields.js';
import { falseReasonHealth } from './false-reason.js';
import { healthOf } from './health-of.js';
import { unobservedGeneration } from './observed-generation.js';
import type { Health, HealthRule, HealthStatus } from './types.js';

/** A condition that decides health on its own when it matches: Stalled=True is Degraded, Paused=True Suspended… */
export interface ConditionSignal {
  type: string;
  /** The status it must have; True unless said. */
  status?: 'True' | 'False' | 'Unknown';
  /** Only with one of these reasons; any reason when absent. */
  reasons?: readonly string[];
  health: HealthStatus;
}

/** How a kind that reports itself through conditions is judged. Every field is optional. */
export interface ConditionRuleOptions {
  /** Conditions that must all be True for Healthy, checked in order; `['Ready']` unless said. */
  healthy?: readonly string[];
  /** Checked in order, after the suspend field and the generation, before `healthy`; the first match decides. */
  signals?: readonly ConditionSignal[];
  /** Path to a boolean field whose true value means Suspended (`['spec', 'suspend']`); checked first. */
  suspend?: readonly string[];
  /**
   * Reasons of a False `healthy` condition that mean work under way (anything else is Degraded). When absent the
   * words of the reason decide, as for any controller (see false-reason.ts).
   */
  progressingReasons?: readonly string[] | RegExp;
}

function matches(signal: ConditionSignal, status: string, reason: string): boolean {
  return status === (signal.status ?? 'True') && (!signal.reasons || signal.reasons.includes(reason));
}

function falseHealth(reason: string, progressing: ConditionRuleOptions['progressingReasons']): HealthStatus {
  if (progressing === undefined) return falseReasonHealth(reason);
  const underWay = progressing instanceof RegExp ? progressing.test(reason) : progressing.includes(reason);
  return underWay ? 'Progressing' : 'Degraded';
}

/** A rule for a kind whose controller reports its state in `status.conditions`, described by `options`. */
export function conditionRule(options: ConditionRuleOptions = {}): HealthRule {
  const healthy = options.healthy ?? ['Ready'];
  return (object: KubeObject): Health => {
    if (options.suspend && booleanAt(object, ...options.suspend)) return healthOf('Suspended', `${object.kind} is suspended`);
    const conditions = conditionsOf(object);
    const generation = unobservedGeneration(object, healthy);
    if (generation !== undefined) return healthOf('Progressing', `waiting for the controller to observe generation ${generation}`);
    for (const signal of options.signals ?? []) {
      const condition = findCondition(conditions, signal.type);
      if (condition && matches(signal, condition.status, condition.reason)) return healthOf(signal.health, messageOf(condition));
    }
    let message = '';
    for (const type of healthy) {
      const condition = findCondition(conditions, type);
      if (!condition) return healthOf('Progressing', `waiting for the ${type} condition`);
      if (condition.status === 'False') return healthOf(falseHealth(condition.reason, options.progressingReasons), messageOf(condition));
      if (condition.status !== 'True') return healthOf('Progressing', messageOf(condition));
      message = condition.message;
    }
    return healthOf('Healthy', message);
  };
}
