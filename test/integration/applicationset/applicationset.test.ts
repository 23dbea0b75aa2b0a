import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SQSClient } from '@aws-sdk/client-sqs';
import { localQueueUrl } from '../../../infra/local/aws-resources.js';
import { toolPath } from '../../../infra/local/paths.js';
import type { Job } from '../../../lib/queue/index.js';
import { buildWorkerDeps, registerCluster, runtimeConfigFromEnv } from '../../../lib/runtime/index.js';
import { SecretStore } from '../../../lib/secrets/index.js';
import { parseJob } from '../../../lib/queue/index.js';
import { processJob, scheduleRefreshes, type WorkerDeps } from '../../../lib/worker/index.js';
import { drain } from '../api/aws-parts.js';
import { awsConfig } from '../../harness/aws.js';
import { createRepo, type TestRepo } from '../../harness/git.js';
import { configMapYaml } from '../../harness/manifests.js';
import { stack } from '../../harness/stack.js';
import { deployFromTemplate } from '../../harness/template-stack.js';

const manual = { kind: 'manual', by: 'test' } as const;
const reload = (): Job => ({ kind: 'reload-registry', trigger: manual, requestedAt: new Date().toISOString() });

function appSetYaml(name: string, generators: string, template: string, extra = ''): string {
  return `apiVersion: argoproj.io/v1alpha1
kind: ApplicationSet
metadata:
  name: ${name}
  namespace: argocd
spec:
${extra}  generators:
${generators}
  template:
${template}
`;
}

describe('ApplicationSets: the reload generates their apps into the registry as children', () => {
  let deps: WorkerDeps;
  let sqs: SQSClient;
  let queueUrl: string;
  let configRepo: TestRepo;
  let appsRepo: TestRepo;
  const registry = async () => (await deps.store.getRegistry())!;
  const childrenOf = async (name: string) => (await registry()).applications
    .filter((app) => app.parent?.kind === 'ApplicationSet' && app.parent.name === name).map((app) => app.name).sort();
  const errorsOf = async (name: string) => ((await registry()).errors ?? []).filter((e) => e.message.startsWith(`ApplicationSet "${name}"`)).map((e) => e.message);

  const template = (name: string, path: string, destination: string) => `    metadata:
      name: '${name}'
    spec:
      project: default
      source:
        repoURL: APPS_REPO
        targetRevision: main
        path: '${path}'
      destination:
        ${destination}
        namespace: appset-test`;

  before(async () => {
    appsRepo = createRepo({
      'apps/web/cm.yaml': configMapYaml('web', { a: '1' }),
      'apps/api/cm.yaml': configMapYaml('api', { a: '1' }),
      'apps/legacy/cm.yaml': configMapYaml('legacy', { a: '1' }),
    }, 'appset-apps');
    configRepo = createRepo({}, 'appset-config');
    const { physicalIds } = await deployFromTemplate('appsets', ['StatusTable', 'JobsQueue', 'JobsDeadLetterQueue']);
    const stage = `appset${randomBytes(3).toString('hex')}`;
    sqs = new SQSClient(awsConfig());
    queueUrl = await localQueueUrl(sqs, physicalIds.JobsQueue!);
    Object.assign(process.env, {
      TABLE_NAME: physicalIds.StatusTable!, JOBS_QUEUE_URL: queueUrl, STAGE: stage, CONFIG_REPO_URL: configRepo.url,
      SLUICE_CACHE_DIR: mkdtempSync(join(stack.runDir, 'appset-')), SLUICE_APPSET_TEMPLATE: toolPath('sluice-appset-template'), POWERTOOLS_LOG_LEVEL: 'WARN',
    });
    deps = buildWorkerDeps(runtimeConfigFromEnv());
    const credentials = { server: stack.kube.server, caData: readFileSync(stack.kube.caFile, 'utf8'), clientCertData: readFileSync(stack.kube.admin.cert, 'utf8'), clientKeyData: readFileSync(stack.kube.admin.key, 'utf8') };
    const secrets = new SecretStore({ client: new SecretsManagerClient(awsConfig()) });
    // Two registered clusters (the stack's one API server under two names), told apart by their labels.
    await registerCluster({ store: deps.store, secrets, stage }, 'east', credentials, credentials.server, { labels: { env: 'prod', region: 'east' } });
    await registerCluster({ store: deps.store, secrets, stage }, 'west', credentials, credentials.server, { labels: { env: 'staging', region: 'west' } });
  });

  const push = async (files: Record<string, string | null>) => {
    configRepo.commit(Object.fromEntries(Object.entries(files).map(([path, text]) => [path, text?.replaceAll('APPS_REPO', appsRepo.url) ?? null])));
    const outcome = await processJob(deps, reload());
    return outcome;
  };

  it('generates an app per registered cluster with the clusters generator, and only the selected ones with a selector', async () => {
    const outcome = await push({
      'clusters.yaml': appSetYaml('per-cluster', '  - clusters: {}', template('{{name}}-web', 'apps/web', "name: '{{name}}'")),
      'prod.yaml': appSetYaml('prod-only', '  - clusters:\n      selector:\n        matchLabels: {env: prod}', template('prod-{{metadata.labels.region}}', 'apps/web', "name: '{{name}}'")),
    });
    assert.equal(outcome.status, 'done', outcome.message);
    assert.deepEqual(await childrenOf('per-cluster'), ['east-web', 'west-web']);
    assert.deepEqual(await childrenOf('prod-only'), ['prod-east']);
    const east = (await registry()).applications.find((app) => app.name === 'east-web')!;
    assert.equal(east.destination.name, 'east');
    assert.deepEqual(east.finalizers, ['resources-finalizer.argocd.argoproj.io']);
    assert.match(outcome.message, /2 ApplicationSets: 3 apps generated \(3 added/);
  });

  it('generates an app per directory of a repo with the git generator, minus excluded ones', async () => {
    const outcome = await push({
      'dirs.yaml': appSetYaml('dirs', `  - git:\n      repoURL: APPS_REPO\n      revision: main\n      directories:\n      - path: apps/*\n      - path: apps/legacy\n        exclude: true`,
        template('{{path.basename}}', '{{path}}', "name: east")),
    });
    assert.equal(outcome.status, 'done', outcome.message);
    assert.deepEqual(await childrenOf('dirs'), ['api', 'web']);
    assert.equal((await registry()).applications.find((app) => app.name === 'api')!.source.path, 'apps/api');
  });

  it('generates every cluster × directory with a matrix of both', async () => {
    const outcome = await push({
      'matrix.yaml': appSetYaml('matrix', `  - matrix:\n      generators:\n      - clusters: {}\n      - git:\n          repoURL: APPS_REPO\n          revision: main\n          directories:\n          - path: apps/*\n          - path: apps/legacy\n            exclude: true`,
        template('{{name}}-{{path.basename}}-m', '{{path}}', "name: '{{name}}'")),
    });
    assert.equal(outcome.status, 'done', outcome.message);
    assert.deepEqual(await childrenOf('matrix'), ['east-api-m', 'east-web-m', 'west-api-m', 'west-web-m']);
  });

  it('records the git generators\' repositories for the webhook, and the drift scan queues a reload that generates again', async () => {
    assert.deepEqual((await registry()).generatorRepos, [{ repoURL: appsRepo.url, targetRevision: 'main' }]);
    await drain(sqs, queueUrl);
    await scheduleRefreshes(deps);
    const kinds = (await drain(sqs, queueUrl)).map((message) => parseJob(message.Body!).kind);
    assert.equal(kinds.filter((kind) => kind === 'reload-registry').length, 1);
  });

  it('removes the apps a generator no longer produces when its repo changes', async () => {
    appsRepo.commit({ 'apps/api/cm.yaml': null });
    const outcome = await processJob(deps, reload());
    assert.equal(outcome.status, 'done', outcome.message);
    assert.deepEqual(await childrenOf('dirs'), ['web']);
    assert.deepEqual(await childrenOf('matrix'), ['east-web-m', 'west-web-m']);
    assert.equal((await deps.store.getAppStatus('api'))?.deletion?.reason, `no longer generated by ApplicationSet dirs at ${configRepo.head().slice(0, 12)}`);
  });

  it('reports a generator naming an unknown cluster, an invalid app name and two apps of one name on the ApplicationSet, the other apps untouched', async () => {
    const before = (await registry()).applications.filter((app) => app.parent?.name === 'per-cluster');
    const outcome = await push({
      'bad.yaml': appSetYaml('bad', `  - list:\n      elements:\n      - {cluster: east, name: good}\n      - {cluster: mars, name: lost}\n      - {cluster: east, name: Not_Valid}\n      - {cluster: west, name: twin}\n      - {cluster: east, name: twin}`,
        template('{{name}}', 'apps/web', "name: '{{cluster}}'")),
    });
    assert.equal(outcome.status, 'failed');
    assert.deepEqual(await childrenOf('bad'), ['good']);
    const errors = (await errorsOf('bad')).join('\n');
    assert.match(errors, /generated Application "lost": destination cluster "mars" is not registered/);
    assert.match(errors, /generated Application "Not_Valid" is invalid: metadata\.name: expected a Kubernetes name/);
    assert.match(errors, /generated two Applications named "twin"/);
    assert.match(outcome.message, /ApplicationSet "bad"/);
    assert.deepEqual((await registry()).applications.filter((app) => app.parent?.name === 'per-cluster'), before);
  });

  it('fails a Go template with missingkey=error clearly, naming the ApplicationSet and the missing key', async () => {
    const outcome = await push({
      'go.yaml': appSetYaml('go', `  - list:\n      elements:\n      - {name: one, team: a}\n      - {name: two}`,
        template('go-{{ .name }}-{{ .team }}', 'apps/web', 'name: east'), '  goTemplate: true\n  goTemplateOptions: ["missingkey=error"]\n'),
    });
    assert.equal(outcome.status, 'failed');
    assert.deepEqual(await childrenOf('go'), ['go-one-a']);
    assert.match((await errorsOf('go')).join('\n'), /ApplicationSet "go": metadata\.name: failed to execute go template .*map has no entry for key "team"/);
  });
});
