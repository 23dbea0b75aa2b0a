import type { KubeObject } from '../../kube/index.js';
import type { CustomHealthScript } from '../../model/index.js';
import { healthOf } from '../health-of.js';
import { healthOrder } from '../severity.js';
import type { Health, HealthStatus } from '../types.js';
import type { LuaLimits, LuaOutcome, LuaVm } from './lua-vm.js';

const statuses = new Set<string>(healthOrder);

/**
 * A health rule from an argocd-cm Lua script, with Argo CD's contract: the live object is `obj`, the script returns
 * `{ status = "...", message = "..." }`. Whatever goes wrong (it does not compile, raises an error, returns something
 * else, runs past its time or memory limit) makes the object Unknown with the key and the reason: never an exception.
 */
export function luaHealthRule(vm: LuaVm, script: CustomHealthScript): (object: KubeObject) => Health {
  const compiled = vm.compile(script.script);
  if ('error' in compiled) {
    const health = healthOf('Unknown', `${script.key}: the Lua script does not compile: ${compiled.error}`);
    return () => health;
  }
  return (object) => healthFrom(vm.run(compiled.id, object, script.useOpenLibs), script, vm.limits);
}

function healthFrom(outcome: LuaOutcome, script: CustomHealthScript, limits: LuaLimits): Health {
  const unknown = (why: string) => healthOf('Unknown', `${script.key}: ${why}`);
  switch (outcome.kind) {
    case 'ok':
      if (!statuses.has(outcome.status)) return unknown(`Lua returned an invalid health status ${JSON.stringify(outcome.status)}; expected one of ${healthOrder.join(', ')}`);
      return healthOf(outcome.status as HealthStatus, outcome.message);
    case 'error':
      return unknown(outcome.message);
    case 'invalid':
      return unknown(`the script ${outcome.message}`);
    case 'time-limit':
      return unknown(`the script ran longer than ${limits.timeMs} ms and was stopped; a health script must return promptly (look for a loop that never ends)`);
    case 'memory-limit':
      return unknown(`the script used more than ${Math.round(limits.memoryBytes / 1024 / 1024)} MiB and was stopped`);
  }
}
