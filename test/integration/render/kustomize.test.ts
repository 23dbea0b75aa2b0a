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
