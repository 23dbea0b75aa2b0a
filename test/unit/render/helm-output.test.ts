import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { manifestsOfHelmOutput } from '../../../lib/render/helm.js';

const output = `---
# Source: guestbook/charts/redis/templates/service.yaml
apiVersion: v1
kind: Service
metadata:
  name: demo-redis
---
# Source: guestbook/templates/all.yaml
apiVersion: v1
kind: ConfigMap
metadata:
  name: one
---
# Source: guestbook/templates/all.yaml
apiVersion: v1
kind: ConfigMap
metadata:
  name: two
---
# Source: guestbook/templates/empty.yaml
# nothing rendered here
`;

describe('manifestsOfHelmOutput', () => {
  it('attributes each object to its template, under the app path rather than the chart name', () => {
    const manifests = manifestsOfHelmOutput(output, 'apps/guestbook');
    assert.deepEqual(manifests.map((m) => [m.object.metadata.name, m.source.file, m.source.line]), [
      ['demo-redis', 'apps/guestbook/charts/redis/templates/service.yaml', undefined],
      ['one', 'apps/guestbook/templates/all.yaml', undefined],
      ['two', 'apps/guestbook/templates/all.yaml', undefined],
    ]);
  });

  it('maps templates of a chart at the repository root', () => {
    assert.equal(manifestsOfHelmOutput(output, '.')[1]?.source.file, 'templates/all.yaml');
  });

  it('names the template of an object that is not valid', () => {
    assert.throws(() => manifestsOfHelmOutput('---\n# Source: c/templates/bad.yaml\nkind: ConfigMap\nmetadata: {name: x}\n', 'chart'),
      /^RenderError: chart\/templates\/bad\.yaml: the object has no apiVersion/);
  });
});
