import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import type { ApplicationSource, KustomizeSource } from '../../../lib/model/types.js';
import { render, RenderError, type Manifest } from '../../../lib/render/index.js';
import type { Checkout } from '../../../lib/source/index.js';
import { fetchedCheckout, fixtureFiles, tools } from './fixture-repo.js';

function kustomizeSource(path: string, kustomize?: Partial<KustomizeSource>): ApplicationSource {
  return {
    repoURL: 'https://git.example.com/acme/apps', targetRevision: 'HEAD', path,
    ...(kustomize ? { kustomize: { images: [], commonLabels: {}, commonAnnotations: {}, ...kustomize } } : {}),
  };
}

const byKind = (manifests: Manifest[], kind: string) => manifests.find((m) => m.object.kind === kind)?.object as Record<string, any>;

async function renderError(checkout: Checkout, source: ApplicationSource): Promise<string> {
  try {
    await render({ checkoutDir: checkout.dir, source, appName: 'demo', tools });
  } catch (error) {
    assert.ok(error instanceof RenderError, String(error));
    return error.message;
  }
  assert.fail('expected a RenderError');
}

describe('kustomize rendering of a fetched overlay', () => {
  let checkout: Checkout;
  before(async () => {
    checkout = await fetchedCheckout({
      ...fixtureFiles('kustomize/guestbook', 'kustomize/guestbook'),
      ...fixtureFiles('render/broken-kustomization', 'kustomize/broken'),
      'kustomize/opts/kustomization.yaml': 'resources:\n  - ../guestbook/base\n',
      'kustomize/opts/patches/replicas.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: guestbook\nspec:\n  replicas: 7\n',
      'kustomize/components/annotate/kustomization.yaml':
        'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\ncommonAnnotations:\n  sluice.dev/component: annotate\n',
    }, 'render-kustomize');
  });

  it('builds the overlay as committed when nothing is overridden', async () => {
    const { tool, manifests } = await render({ checkoutDir: checkout.dir, appName: 'demo', tools, source: kustomizeSource('kustomize/guestbook/overlays/prod') });
    assert.equal(tool, 'kustomize');
    assert.deepEqual(manifests.map((m) => `${m.object.kind}/${m.object.metadata.name}`).sort().map((n) => n.replace(/-[a-z0-9]{10}$/, '-<hash>')),
      ['ConfigMap/prod-greeting-<hash>', 'Deployment/prod-guestbook', 'Service/prod-guestbook']);
    assert.ok(manifests.every((m) => m.source.file === 'kustomize/guestbook/overlays/prod' && m.source.line === undefined));
  });

  it('applies images, name prefix and suffix, labels, annotations and namespace like Argo CD', async () => {
    const kustomization = join(checkout.dir, 'kustomize/guestbook/overlays/prod/kustomization.yaml');
    const committed = readFileSync(kustomization, 'utf8');
    const { manifests } = await render({
      checkoutDir: checkout.dir, appName: 'demo', tools,
      source: kustomizeSource('kustomize/guestbook/overlays/prod', {
        images: ['registry.invalid/guestbook=registry.invalid/guestbook-next:2.0'],
        namePrefix: 'blue-', nameSuffix: '-v2',
        commonLabels: { team: 'payments' },
        commonAnnotations: { 'sluice.dev/owner': 'payments team' },
        namespace: 'shop',
      }),
    });
    const deployment = byKind(manifests, 'Deployment');
    const configMap = byKind(manifests, 'ConfigMap');
    // `kustomize edit set nameprefix` replaces the overlay's own prefix, as it does under Argo CD.
    assert.equal(deployment.metadata.name, 'blue-guestbook-v2');
    assert.equal(deployment.metadata.namespace, 'shop');
    assert.deepEqual(deployment.metadata.labels, { env: 'prod', team: 'payments' });
    assert.equal(deployment.metadata.annotations['sluice.dev/owner'], 'payments team');
    assert.equal(deployment.spec.selector.matchLabels.team, 'payments');
    assert.equal(deployment.spec.template.spec.containers[0].image, 'registry.invalid/guestbook-next:2.0');
    assert.equal(deployment.spec.replicas, 3);
    assert.match(configMap.metadata.name, /^blue-greeting-v2-[a-z0-9]+$/);
    assert.equal(deployment.spec.template.spec.containers[0].envFrom[0].configMapRef.name, configMap.metadata.name);
    assert.equal(readFileSync(kustomization, 'utf8'), committed, 'the cached checkout is never edited');
  });

  it('applies replicas like Argo CD: the override replaces the overlay\'s own count', async () => {
    const { manifests } = await render({ checkoutDir: checkout.dir, appName: 'demo', tools,
      source: kustomizeSource('kustomize/guestbook/overlays/prod', { replicas: [{ name: 'guestbook', count: 5 }] }) });
    assert.equal(byKind(manifests, 'Deployment').spec.replicas, 5);
  });

  it('overrides an existing label only with forceCommonLabels', async () => {
    const { manifests } = await render({ checkoutDir: checkout.dir, appName: 'demo', tools,
      source: kustomizeSource('kustomize/guestbook/overlays/prod', { commonLabels: { env: 'staging' }, forceCommonLabels: true }) });
    assert.equal(byKind(manifests, 'Deployment').metadata.labels.env, 'staging');
  });

  it('keeps labels out of selectors with labelWithoutSelector, and in templates with labelIncludeTemplates', async () => {
    const without = byKind((await render({ checkoutDir: checkout.dir, appName: 'demo', tools,
      source: kustomizeSource('kustomize/opts', { commonLabels: { team: 'payments' }, labelWithoutSelector: true }) })).manifests, 'Deployment');
    assert.equal(without.metadata.labels.team, 'payments');
    assert.equal(without.spec.selector.matchLabels.team, undefined);
    assert.equal(without.spec.template.metadata.labels.team, undefined);
    const templates = byKind((await render({ checkoutDir: checkout.dir, appName: 'demo', tools,
      source: kustomizeSource('kustomize/opts', { commonLabels: { team: 'payments' }, labelWithoutSelector: true, labelIncludeTemplates: true }) })).manifests, 'Deployment');
    assert.equal(templates.spec.template.metadata.labels.team, 'payments');
    assert.equal(templates.spec.selector.matchLabels.team, undefined);
  });

  it('substitutes $ARGOCD_APP_* in images always and in annotations with commonAnnotationsEnvsubst', async () => {
    const source = kustomizeSource('kustomize/opts', {
      images: ['registry.invalid/guestbook=registry.invalid/guestbook:$ARGOCD_APP_REVISION_SHORT'],
      commonAnnotations: { 'sluice.dev/revision': '$ARGOCD_APP_REVISION', 'sluice.dev/app': '${ARGOCD_APP_NAME}' }, commonAnnotationsEnvsubst: true,
    });
    const deployment = byKind((await render({ checkoutDir: checkout.dir, appName: 'web', revision: '0123456789abcdef', tools, source })).manifests, 'Deployment');
    assert.equal(deployment.spec.template.spec.containers[0].image, 'registry.invalid/guestbook:0123456');
    assert.equal(deployment.metadata.annotations['sluice.dev/revision'], '0123456789abcdef');
    assert.equal(deployment.metadata.annotations['sluice.dev/app'], 'web');
  });

  it('adds inline and file patches to the kustomization, after its own, without editing the checkout', async () => {
    const kustomization = join(checkout.dir, 'kustomize/opts/kustomization.yaml');
    const committed = readFileSync(kustomization, 'utf8');
    const { manifests } = await render({ checkoutDir: checkout.dir, appName: 'demo', tools, source: kustomizeSource('kustomize/opts', {
      patches: [
        { path: 'patches/replicas.yaml' },
        { target: { kind: 'Service', name: 'guestbook' }, patch: '- op: add\n  path: /metadata/labels\n  value: { patched: "yes" }\n' },
      ],
    }) });
    assert.equal(byKind(manifests, 'Deployment').spec.replicas, 7);
    assert.equal(byKind(manifests, 'Service').metadata.labels.patched, 'yes');
    assert.equal(readFileSync(kustomization, 'utf8'), committed);
  });

  it('adds components from outside the app directory, and leaves missing ones out with ignoreMissingComponents', async () => {
    const result = await render({ checkoutDir: checkout.dir, appName: 'demo', tools,
      source: kustomizeSource('kustomize/opts', { components: ['../components/annotate', '../components/missing'], ignoreMissingComponents: true }) });
    assert.equal(byKind(result.manifests, 'Deployment').metadata.annotations['sluice.dev/component'], 'annotate');
    assert.ok(result.inputs?.includes('kustomize/components/annotate'), String(result.inputs));
    assert.match(await renderError(checkout, kustomizeSource('kustomize/opts', { components: ['../components/missing'] })),
      /kustomize edit add component failed: .*missing/s);
  });

  it('refuses components and patch files outside the repository before anything runs', async () => {
    assert.match(await renderError(checkout, kustomizeSource('kustomize/opts', { components: ['../../../../../../etc'] })),
      /^spec\.source\.kustomize: components\[0\] "\.\.\/\.\.\/\.\.\/\.\.\/\.\.\/\.\.\/etc" leaves the repository/);
    assert.match(await renderError(checkout, kustomizeSource('kustomize/opts', { patches: [{ path: '/etc/passwd' }] })),
      /^spec\.source\.kustomize: patches\[0\]\.path "\/etc\/passwd": an absolute path/);
    assert.match(await renderError(checkout, kustomizeSource('kustomize/opts', { components: ['--help'] })),
      /^spec\.source\.kustomize\.components\[0\] "--help": not a component path/);
  });

  it('reports a broken kustomization naming its file and the missing resource, without local paths', async () => {
    const message = await renderError(checkout, kustomizeSource('kustomize/broken'));
    assert.match(message, /^kustomize\/broken\/kustomization\.yaml: kustomize build failed: .*missing-service\.yaml/s);
    assert.ok(!message.includes(checkout.dir), message);
  });

  it('reports an override kustomize edit refuses, naming the kustomization file', async () => {
    const message = await renderError(checkout, kustomizeSource('kustomize/guestbook/overlays/prod', { commonLabels: { env: 'staging' } }));
    assert.match(message, /^kustomize\/guestbook\/overlays\/prod\/kustomization\.yaml: kustomize edit add label failed: .*env/s);
    assert.ok(!message.includes('/tmp/sluice-kustomize'), message);
  });
});
