import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ObjectError } from '../../../lib/kube/index.js';
import { planSync, pruneOrder } from '../../../lib/sync/order/index.js';
import { describeSteps, manifest } from './order-objects.js';

const job = (annotations: Record<string, string>, name = 'migrate') => manifest('batch/v1', 'Job', name, annotations);
const only = (annotations: Record<string, string>) => {
  const plan = planSync([job(annotations)]);
  return { plan, entries: [...plan.steps, ...plan.syncFailSteps].flatMap((step) => step.objects) };
};

describe('hook annotations', () => {
  it('makes an object without a hook annotation a plain resource of the Sync phase', () => {
    const { entries } = only({});
    assert.equal(entries.length, 1);
    assert.deepEqual([entries[0]?.phase, entries[0]?.hook, entries[0]?.hookDeletePolicies], ['Sync', false, []]);
  });

  it('puts a hook in each phase it lists, with BeforeHookCreation as its default delete policy', () => {
    const { plan } = only({ 'argocd.argoproj.io/hook': 'PostSync, PreSync' });
    assert.deepEqual(describeSteps(plan.steps), ['PreSync/0: Job/shop/migrate', 'PostSync/0: Job/shop/migrate']);
    for (const step of plan.steps) {
      assert.equal(step.objects[0]?.hook, true);
      assert.deepEqual(step.objects[0]?.hookDeletePolicies, ['BeforeHookCreation']);
    }
  });

  it('plans SyncFail hooks apart from the steps that always run', () => {
    const { plan } = only({ 'argocd.argoproj.io/hook': 'SyncFail' });
    assert.deepEqual(plan.steps, []);
    assert.deepEqual(describeSteps(plan.syncFailSteps), ['SyncFail/0: Job/shop/migrate']);
  });

  it('skips an object marked Skip, saying why', () => {
    const { plan } = only({ 'argocd.argoproj.io/hook': 'Skip' });
    assert.deepEqual(plan.steps, []);
    assert.deepEqual(plan.skipped.map((entry) => entry.reason), ['argocd.argoproj.io/hook: Skip']);
  });

  it('ignores Skip, with a warning, when other hook types are listed with it', () => {
    const { plan } = only({ 'argocd.argoproj.io/hook': 'Skip,Sync' });
    assert.deepEqual(describeSteps(plan.steps), ['Sync/0: Job/shop/migrate']);
    assert.match(plan.warnings.join('\n'), /^Job\/shop\/migrate: Skip in argocd\.argoproj\.io\/hook is ignored/);
  });

  it('does not apply PreDelete and PostDelete hooks during a sync', () => {
    const { plan } = only({ 'argocd.argoproj.io/hook': 'PostDelete' });
    assert.deepEqual(plan.steps, []);
    assert.match(plan.skipped[0]?.reason ?? '', /PostDelete hooks run when the application is deleted, not in a sync/);
  });

  it('refuses an unknown hook type, naming the object and the accepted types', () => {
    assert.throws(() => planSync([job({ 'argocd.argoproj.io/hook': 'PreSnyc' })]), (error: unknown) => {
      assert.ok(error instanceof ObjectError);
      assert.equal(error.message, 'Job/shop/migrate: unknown hook type "PreSnyc" in argocd.argoproj.io/hook: use PreSync, Sync, PostSync, SyncFail or Skip');
      return true;
    });
    assert.throws(() => planSync([job({ 'argocd.argoproj.io/hook': ' , ' })]), /^ObjectError: Job\/shop\/migrate: annotation argocd\.argoproj\.io\/hook is empty/);
  });

  it('reads the delete policies of a hook, comma-separated', () => {
    const { entries } = only({ 'argocd.argoproj.io/hook': 'PreSync', 'argocd.argoproj.io/hook-delete-policy': 'HookSucceeded,HookFailed' });
    assert.deepEqual(entries[0]?.hookDeletePolicies, ['HookSucceeded', 'HookFailed']);
  });

  it('warns about an unknown delete policy and keeps the default', () => {
    const { entries, plan } = only({ 'argocd.argoproj.io/hook': 'PreSync', 'argocd.argoproj.io/hook-delete-policy': 'OnSuccess' });
    assert.deepEqual(entries[0]?.hookDeletePolicies, ['BeforeHookCreation']);
    assert.match(plan.warnings[0] ?? '', /^Job\/shop\/migrate: unknown hook delete policy "OnSuccess"/);
  });

  it('ignores delete policies on objects that are not hooks', () => {
    assert.deepEqual(only({ 'argocd.argoproj.io/hook-delete-policy': 'HookSucceeded' }).entries[0]?.hookDeletePolicies, []);
  });

  it('accepts a hook named only by generateName and reports it by that prefix', () => {
    const hook = manifest('batch/v1', 'Job', '', { 'argocd.argoproj.io/hook': 'PreSync' }, { metadata: { generateName: 'migrate-', namespace: 'shop' } });
    delete hook.metadata.name;
    assert.deepEqual(describeSteps(planSync([hook, hook]).steps), ['PreSync/0: Job/shop/migrate-, Job/shop/migrate-']);
  });

  it('refuses an object that is not a hook and has no name', () => {
    const unnamed = manifest('v1', 'ConfigMap', '', {}, { metadata: { generateName: 'settings-', namespace: 'shop' } });
    delete unnamed.metadata.name;
    assert.throws(() => planSync([unnamed]), /^ObjectError: ConfigMap\/shop\/settings-: metadata\.name is missing: only hooks may be named by metadata\.generateName$/);
  });
});

describe('Helm hook annotations', () => {
  it('maps pre-install and pre-upgrade to PreSync, post-install and post-upgrade to PostSync', () => {
    assert.deepEqual(describeSteps(only({ 'helm.sh/hook': 'pre-install,pre-upgrade' }).plan.steps), ['PreSync/0: Job/shop/migrate']);
    assert.deepEqual(describeSteps(only({ 'helm.sh/hook': 'post-install, post-upgrade' }).plan.steps), ['PostSync/0: Job/shop/migrate']);
  });

  it('maps Helm delete policies and uses the hook weight as the wave', () => {
    const { entries } = only({ 'helm.sh/hook': 'pre-upgrade', 'helm.sh/hook-delete-policy': 'before-hook-creation,hook-succeeded', 'helm.sh/hook-weight': '-5' });
    assert.deepEqual([entries[0]?.wave, entries[0]?.hookDeletePolicies], [-5, ['BeforeHookCreation', 'HookSucceeded']]);
  });

  it('does not treat crd-install as a hook', () => {
    assert.deepEqual(describeSteps(only({ 'helm.sh/hook': 'crd-install' }).plan.steps), ['Sync/0: Job/shop/migrate']);
  });

  it('does not apply Helm hooks that have no sync phase, such as tests', () => {
    const { plan } = only({ 'helm.sh/hook': 'test' });
    assert.deepEqual(plan.steps, []);
    assert.match(plan.skipped[0]?.reason ?? '', /^helm\.sh\/hook: test has no sync phase/);
  });

  it('ignores the Helm hook when an Argo CD hook annotation is present', () => {
    assert.deepEqual(describeSteps(only({ 'helm.sh/hook': 'post-install', 'argocd.argoproj.io/hook': 'PreSync' }).plan.steps), ['PreSync/0: Job/shop/migrate']);
  });
});

describe('sync-wave annotation', () => {
  it('defaults to wave 0 and accepts negative and explicitly positive integers', () => {
    assert.equal(only({}).entries[0]?.wave, 0);
    assert.equal(only({ 'argocd.argoproj.io/sync-wave': '-3' }).entries[0]?.wave, -3);
    assert.equal(only({ 'argocd.argoproj.io/sync-wave': ' +7 ' }).entries[0]?.wave, 7);
  });

  it('prefers the sync wave over a Helm hook weight', () => {
    assert.equal(only({ 'argocd.argoproj.io/sync-wave': '2', 'helm.sh/hook-weight': '9' }).entries[0]?.wave, 2);
  });

  it('refuses a wave that is not an integer, naming the object', () => {
    for (const value of ['one', '1.5', '', '1e3', '99999999999999999999']) {
      assert.throws(() => planSync([job({ 'argocd.argoproj.io/sync-wave': value })]), (error: unknown) => {
        assert.ok(error instanceof ObjectError);
        assert.equal(error.message, `Job/shop/migrate: argocd.argoproj.io/sync-wave must be an integer such as -1, 0 or 5, not "${value}"`);
        return true;
      });
    }
    assert.throws(() => planSync([job({ 'helm.sh/hook-weight': 'heavy' })]), /^ObjectError: Job\/shop\/migrate: helm\.sh\/hook-weight must be an integer/);
  });
});

describe('sync-options annotation', () => {
  it('has every option at its default without the annotation', () => {
    assert.deepEqual(only({}).entries[0]?.options, {
      prune: true, delete: true, replace: false, force: false, serverSideApply: false, validate: true, skipDryRunOnMissingResource: false, pruneLast: false,
    });
  });

  it('reads every per-object option Argo CD defines', () => {
    const { entries, plan } = only({
      'argocd.argoproj.io/sync-options': 'Prune=false,Delete=false, Replace=true,Force=true,ServerSideApply=true,Validate=false,SkipDryRunOnMissingResource=true,PruneLast=true',
    });
    assert.deepEqual(entries[0]?.options, {
      prune: false, delete: false, replace: true, force: true, serverSideApply: true, validate: false, skipDryRunOnMissingResource: true, pruneLast: true,
    });
    assert.deepEqual(plan.warnings, []);
  });

  it('treats Prune=confirm and Delete=confirm as false, with a warning', () => {
    const { entries, plan } = only({ 'argocd.argoproj.io/sync-options': 'Prune=confirm,Delete=confirm' });
    assert.deepEqual([entries[0]?.options.prune, entries[0]?.options.delete], [false, false]);
    assert.deepEqual(plan.warnings, [
      'Job/shop/migrate: argocd.argoproj.io/sync-options: Prune=confirm is not supported (Sluice has no confirmation step): treated as Prune=false',
      'Job/shop/migrate: argocd.argoproj.io/sync-options: Delete=confirm is not supported (Sluice has no confirmation step): treated as Delete=false',
    ]);
  });

  it('warns about unknown options, application-level options and ServerSideApply=false, and applies the rest', () => {
    const { entries, plan } = only({ 'argocd.argoproj.io/sync-options': 'Prune=false,Frobnicate=true,CreateNamespace=true,ServerSideApply=false,Replace=maybe' });
    assert.equal(entries[0]?.options.prune, false);
    assert.equal(entries[0]?.options.serverSideApply, false);
    assert.equal(entries[0]?.options.replace, false);
    assert.deepEqual(plan.warnings.map((warning) => warning.replace('Job/shop/migrate: argocd.argoproj.io/sync-options: ', '')), [
      'Frobnicate=true is not a known sync option and is ignored',
      'CreateNamespace=true is an application sync option and has no effect on one object',
      'ServerSideApply=false is ignored: Sluice always applies server-side',
      'Replace=maybe is not a known sync option and is ignored',
    ]);
  });
});

describe('sluice.dev annotation aliases', () => {
  it('mean the same as the Argo CD annotations', () => {
    const { entries } = only({ 'sluice.dev/hook': 'PostSync', 'sluice.dev/sync-wave': '4', 'sluice.dev/sync-options': 'Force=true' });
    assert.deepEqual([entries[0]?.phase, entries[0]?.wave, entries[0]?.hook, entries[0]?.options.force], ['PostSync', 4, true, true]);
  });

  it('lose to the Argo CD annotation when both are set, with a warning', () => {
    const { entries, plan } = only({ 'argocd.argoproj.io/sync-wave': '1', 'sluice.dev/sync-wave': '2' });
    assert.equal(entries[0]?.wave, 1);
    assert.deepEqual(plan.warnings, ['Job/shop/migrate: sluice.dev/sync-wave is ignored because argocd.argoproj.io/sync-wave is also set']);
  });

  it('are read on live objects when planning a prune too', () => {
    const plan = pruneOrder([manifest('v1', 'ConfigMap', 'keep', { 'sluice.dev/sync-options': 'Prune=false' })]);
    assert.deepEqual(plan.steps, []);
    assert.equal(plan.skipped[0]?.reason, 'Prune=false: kept in the cluster');
  });
});
