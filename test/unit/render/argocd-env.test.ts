import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { argoBuildEnv, envsubst } from '../../../lib/render/index.js';

describe('envsubst (Argo CD build environment)', () => {
  const env = { ARGOCD_APP_NAME: 'web', ARGOCD_APP_REVISION: 'abc123' };

  it('expands $NAME and ${NAME}, and an unknown name to nothing, as Argo CD does', () => {
    assert.equal(envsubst('registry/web:$ARGOCD_APP_REVISION', env), 'registry/web:abc123');
    assert.equal(envsubst('${ARGOCD_APP_NAME}-x', env), 'web-x');
    assert.equal(envsubst('a-$HOME-b', env), 'a--b');
  });

  it('keeps $$ as $, a trailing $ and a $ before punctuation; eats the bad syntax ${}', () => {
    assert.equal(envsubst('cost: $$5', env), 'cost: $5');
    assert.equal(envsubst('end$', env), 'end$');
    assert.equal(envsubst('a $. b', env), 'a $. b');
    assert.equal(envsubst('x${}y', env), 'xy');
    assert.equal(envsubst('no variables', env), 'no variables');
  });

  it('builds the ARGOCD_APP_* variables from the app, its source and the revision', () => {
    const built = argoBuildEnv({ appName: 'web', namespace: 'shop', project: 'payments', revision: '0123456789abcdef',
      source: { repoURL: 'https://git.example.com/acme/apps', path: 'web', targetRevision: 'main' } });
    assert.deepEqual(built, {
      ARGOCD_APP_NAME: 'web', ARGOCD_APP_NAMESPACE: 'shop', ARGOCD_APP_PROJECT_NAME: 'payments', ARGOCD_APP_REVISION: '0123456789abcdef',
      ARGOCD_APP_REVISION_SHORT: '0123456', ARGOCD_APP_REVISION_SHORT_8: '01234567', ARGOCD_APP_SOURCE_REPO_URL: 'https://git.example.com/acme/apps',
      ARGOCD_APP_SOURCE_PATH: 'web', ARGOCD_APP_SOURCE_TARGET_REVISION: 'main',
    });
  });
});
