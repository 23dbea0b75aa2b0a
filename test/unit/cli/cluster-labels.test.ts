import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { commands } from '../../../lib/cli/index.js';
import { stringListFlag } from '../../../lib/cli/options.js';
import { parseCommandLine } from '../../../lib/cli/parse-command-line.js';
import { parseClusterLabels } from '../../../lib/model/index.js';

describe('sluice cluster add --label', () => {
  it('takes the flag more than once, in order', () => {
    const line = parseCommandLine(['cluster', 'add', 'prod', '--kubeconfig', 'k', '--label', 'env=prod', '--label', 'team.example.com/owner=web'], commands);
    assert.equal(line.kind, 'run');
    if (line.kind === 'run') assert.deepEqual(stringListFlag(line.flags, 'label'), ['env=prod', 'team.example.com/owner=web']);
  });

  it('reads key=value pairs as Kubernetes labels, an empty value included', () => {
    assert.deepEqual(parseClusterLabels(['env=prod', 'example.com/tier=', 'region=eu-west-1']), { labels: { env: 'prod', 'example.com/tier': '', 'region': 'eu-west-1' }, errors: [] });
  });

  it('names each pair that is not a label, saying what is expected', () => {
    const { errors } = parseClusterLabels(['env', 'bad key=x', 'env=no spaces']);
    assert.deepEqual(errors, [
      '--label env: expected key=value, e.g. --label env=prod',
      '--label bad key=x: "bad key" is not a label key (letters, digits, "-", "_" and ".", at most 63, with an optional DNS prefix and "/")',
      '--label env=no spaces: "no spaces" is not a label value (at most 63 letters, digits, "-", "_" and ".", starting and ending with a letter or digit)',
    ]);
  });
});
