import { groupOf, type KubeObject } from '../../kube/index.js';
import { argoCdConfigMapName, overrideKeyOf, type CustomHealthScript, type Registry, type SpecIssue } from '../../model/index.js';
import { globMatch } from '../../util/index.js';
import { healthOf } from '../health-of.js';
import type { Health } from '../types.js';
import { luaHealthRule } from './lua-health.js';
import { luaVm } from './lua-vm.js';

/** Health rules from the config repo's argocd-cm, ready to run: `assessHealth` asks it before the built-in rules. */
export interface CustomHealth {
  /** The custom rule for the object's group and kind, if one is configured. */
  ruleFor(object: KubeObject): ((object: KubeObject) => Health) | undefined;
}

const wildcard = /[*?[{]/;

/**
 * Compiles the scripts (once per process: the VM keeps them by text) and indexes them as Argo CD looks them up: the
 * object's exact `group/Kind` (`Kind` for the core group) first, then the first wildcard key that matches it.
 * Undefined when there are none. Starting the Lua VM is the only asynchronous step; rules run synchronously.
 */
export async function prepareCustomHealth(scripts: readonly CustomHealthScript[] | undefined): Promise<CustomHealth | undefined> {
  if (!scripts?.length) return undefined;
  let rule: (script: CustomHealthScript) => (object: KubeObject) => Health;
  try {
    const vm = await luaVm();
    rule = (script) => luaHealthRule(vm, script);
  } catch (error) {
    rule = (script) => {
      const health = healthOf('Unknown', `${script.key}: the Lua VM for health scripts could not start: ${(error as Error).message}`);
      return () => health;
    };
  }
  const exact = new Map<string, (object: KubeObject) => Health>();
  const patterns: { groupKind: string; rule: (object: KubeObject) => Health }[] = [];
  for (const script of scripts) {
    if (!wildcard.test(script.groupKind)) {
      if (!exact.has(script.groupKind)) exact.set(script.groupKind, rule(script));
    } else patterns.push({ groupKind: script.groupKind, rule: rule(script) });
  }
  return {
    ruleFor(object) {
      const key = overrideKeyOf(groupOf(object.apiVersion ?? ''), object.kind ?? '');
      return exact.get(key) ?? patterns.find((pattern) => globMatch(pattern.groupKind, key))?.rule;
    },
  };
}

const customizations = 'resource.customizations';

/**
 * The registry with an error for each argocd-cm health script that does not compile, naming its key and Lua's message;
 * the argocd-cm then counts as broken, so its last good settings stay in force. Unchanged when the VM cannot start
 * (each object then says why).
 */
export async function withHealthScriptErrors(registry: Registry): Promise<Registry> {
  const scripts = registry.resourceSettings?.health ?? [];
  const vm = scripts.length ? await luaVm().catch(() => undefined) : undefined;
  if (!vm) return registry;
  const file = registry.files[`ConfigMap/${argoCdConfigMapName}`] ?? argoCdConfigMapName;
  const errors = scripts.flatMap((script): SpecIssue[] => {
    const compiled = vm.compile(script.script);
    if (!('error' in compiled)) return [];
    const field = script.key.startsWith(`${customizations}[`) ? `data["${customizations}"]${script.key.slice(customizations.length)}` : `data[${JSON.stringify(script.key)}]`;
    return [{ file, field, message: `the Lua script does not compile: ${compiled.error}` }];
  });
  return errors.length ? { ...registry, errors: [...registry.errors, ...errors], resourceSettingsIncomplete: true } : registry;
}
