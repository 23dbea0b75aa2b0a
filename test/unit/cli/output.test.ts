import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UsageError } from '../../../lib/cli/index.js';
import { colourEnabled, painter, stripAnsi } from '../../../lib/cli/output/colour.js';
import { Output } from '../../../lib/cli/output/output.js';
import { createProgress } from '../../../lib/cli/output/progress.js';
import { formatStructured, outputFormatOf } from '../../../lib/cli/output/structured.js';
import { formatFields, formatTable } from '../../../lib/cli/output/table.js';
import { captureIo, capturedStream } from './capture-io.js';

describe('output: colour, tables, JSON/YAML and progress', () => {
  it('colours only a terminal, and never when NO_COLOR is set', () => {
    assert.equal(colourEnabled({ write: () => true, isTTY: false }, {}), false);
    assert.equal(colourEnabled({ write: () => true }, {}), false);
    assert.equal(colourEnabled({ write: () => true, isTTY: true }, {}), true);
    assert.equal(colourEnabled({ write: () => true, isTTY: true }, { NO_COLOR: '1' }), false);
    assert.equal(colourEnabled({ write: () => true, isTTY: true }, { NO_COLOR: '' }), true, 'no-color.org: an empty NO_COLOR does not count');
  });

  it('prints tables without escape codes on a pipe, with status colours on a terminal', () => {
    const piped = captureIo();
    new Output(piped, 'table').result({}, () => formatTable(['SYNC'], [[new Output(piped, 'table').paint.status('Synced')]]));
    assert.equal(piped.stdout.text, 'SYNC\nSynced\n');
    const terminal = new Output(captureIo({}, true), 'table');
    assert.equal(terminal.paint.status('Synced'), '\x1b[32mSynced\x1b[39m');
    assert.equal(terminal.paint.status('Degraded'), '\x1b[31mDegraded\x1b[39m');
    assert.equal(terminal.paint.status('OutOfSync'), '\x1b[33mOutOfSync\x1b[39m');
  });

  it('aligns table columns by visible width, ignoring colour codes, with no trailing blanks', () => {
    const paint = painter(true);
    const table = formatTable(['NAME', 'SYNC', 'MSG'], [[paint.bold('web'), paint.status('OutOfSync'), ''], ['guestbook', 'Synced', 'ok']]);
    assert.equal(stripAnsi(table), 'NAME       SYNC       MSG\nweb        OutOfSync\nguestbook  Synced     ok\n');
  });

  it('aligns fields and indents a value\'s further lines under it', () => {
    assert.equal(formatFields([['Name', 'web'], ['Message', 'line one\nline two'], ['Empty', '']]), 'Name:     web\nMessage:  line one\n          line two\nEmpty:\n');
  });

  it('prints JSON and YAML of the value unchanged', () => {
    const value = { apps: [{ name: 'web', revision: null }], registry: null };
    assert.deepEqual(JSON.parse(formatStructured(value, 'json')), value);
    assert.equal(formatStructured(value, 'yaml'), 'apps:\n  - name: web\n    revision: null\nregistry: null\n');
    const io = captureIo({}, true);
    new Output(io, 'json').result(value, () => assert.fail('no table for -o json'));
    assert.doesNotMatch(io.stdout.text, /\x1b/, 'JSON is never coloured');
  });

  it('accepts -o json and yaml only', () => {
    assert.equal(outputFormatOf(undefined, 'sluice app list'), 'table');
    assert.equal(outputFormatOf('yaml', 'sluice app list'), 'yaml');
    assert.throws(() => outputFormatOf('wide', 'sluice app list'), UsageError);
  });

  it('shows progress as plain lines on a pipe, each state once', () => {
    const stream = capturedStream(false);
    const progress = createProgress(stream);
    progress.update('web: queued');
    progress.update('web: queued');
    progress.update('web: OutOfSync, Progressing');
    progress.stop();
    assert.equal(stream.text, 'web: queued\nweb: OutOfSync, Progressing\n');
  });

  it('redraws one line with the elapsed time on a terminal and clears it when done', () => {
    const stream = capturedStream(true);
    let now = 0;
    const progress = createProgress(stream, () => now);
    progress.update('web: syncing');
    now = 2500;
    progress.update('web: syncing wave 1');
    progress.stop();
    assert.equal(stream.text, '\r\x1b[K⠋ web: syncing (0 s)\r\x1b[K⠙ web: syncing wave 1 (2 s)\r\x1b[K');
  });
});
