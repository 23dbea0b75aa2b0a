import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { commands, UsageError } from '../../../lib/cli/index.js';
import { parseCommandLine } from '../../../lib/cli/parse-command-line.js';

const parse = (...argv: string[]) => parseCommandLine(argv, commands);
const run = (...argv: string[]) => {
  const line = parse(...argv);
  assert.equal(line.kind, 'run');
  return line;
};
const usageError = (pattern: RegExp, ...argv: string[]) => assert.throws(() => parse(...argv), (error: unknown) => error instanceof UsageError && pattern.test(error.message));

describe('reading the command line', () => {
  it('finds the command and its argument with flags before, between and after the words', () => {
    const line = run('--server', 'https://sluice.example', 'app', '-o', 'json', 'diff', 'web', '--revision', 'main');
    assert.deepEqual(line.command.path, ['app', 'diff']);
    assert.deepEqual(line.args, ['web']);
    assert.equal(line.flags.server, 'https://sluice.example');
    assert.equal(line.flags.output, 'json');
    assert.equal(line.flags.revision, 'main');
  });

  it('reads -ojson, --output=yaml and switches', () => {
    assert.equal(run('app', 'list', '-ojson').flags.output, 'json');
    assert.equal(run('app', 'list', '--output=yaml').flags.output, 'yaml');
    const sync = run('app', 'sync', 'web', '--prune', '--dry-run');
    assert.equal(sync.flags.prune, true);
    assert.equal(sync.flags['dry-run'], true);
  });

  it('takes an optional argument when given', () => {
    assert.deepEqual(run('app', 'rollback', 'web').args, ['web']);
    assert.deepEqual(run('app', 'rollback', 'web', '2026-03-01T11:00:00.000Z_4f1a').args, ['web', '2026-03-01T11:00:00.000Z_4f1a']);
  });

  it('refuses an unknown flag, naming it and the command', () => {
    usageError(/^unknown flag --bogus for sluice app get$/, 'app', 'get', 'web', '--bogus');
    usageError(/^unknown flag -x for sluice app list$/, 'app', 'list', '-x');
  });

  it('refuses a flag of another command', () => {
    usageError(/unknown flag --prune for sluice app diff/, 'app', 'diff', 'web', '--prune');
    usageError(/unknown flag --server for sluice cluster list/, 'cluster', 'list', '--server', 'https://x');
  });

  it('refuses a flag without its value and a switch with one', () => {
    usageError(/^--revision needs a value: --revision <rev>$/, 'app', 'diff', 'web', '--revision');
    usageError(/^--prune is a switch and takes no value$/, 'app', 'sync', 'web', '--prune=yes');
  });

  it('refuses missing and extra arguments', () => {
    usageError(/^sluice app get: missing <app>$/, 'app', 'get');
    usageError(/^sluice app get: unexpected argument "other"$/, 'app', 'get', 'web', 'other');
    usageError(/^sluice cluster add: missing <name>$/, 'cluster', 'add', '--kubeconfig', 'k');
  });

  it('refuses unknown commands, listing the ones there are', () => {
    usageError(/^unknown command "apps"; the commands are app, cluster, repo, repocreds, token$/, 'apps', 'list');
    usageError(/^unknown command "sluice app remove"; the commands of sluice app are list, get, diff, sync, history, rollback, unpin, delete, wait$/, 'app', 'remove', 'web');
    usageError(/^sluice cluster: a subcommand is needed \(add, list\)$/, 'cluster');
    usageError(/^a command is needed/);
  });

  it('answers --help at every level, before checking arguments', () => {
    for (const argv of [['--help'], ['app', '--help'], ['cluster', '-h'], ['app', 'get', '--help'], ['app', 'sync', '-h']]) {
      assert.equal(parse(...argv).kind, 'help', argv.join(' '));
    }
    const help = parse('app', 'get', '--help');
    assert.ok(help.kind === 'help' && help.text.includes('Usage: sluice app get <app> [flags]'));
  });

  it('treats everything after -- as arguments', () => {
    assert.deepEqual(run('app', 'get', '--', '--odd-name').args, ['--odd-name']);
  });
});
