import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { assessHealth, prepareCustomHealth, withHealthScriptErrors, type CustomHealth } from '../../../../lib/health/index.js';
import { loadRegistry, type CustomHealthScript } from '../../../../lib/model/index.js';
import { condition, live } from '../live.js';

const script = (groupKind: string, lua: string, useOpenLibs = false): CustomHealthScript => ({
  key: `resource.customizations.health.${groupKind.replace('/', '_')}`, groupKind, script: lua, useOpenLibs,
});

/** The health one script gives a Widget (example.com/v1). */
async function widgetHealth(lua: string, fields: Record<string, unknown> = {}, useOpenLibs = false) {
  const custom = await prepareCustomHealth([script('example.com/Widget', lua, useOpenLibs)]);
  return assessHealth(live('example.com/v1', 'Widget', fields), custom);
}

const key = 'resource.customizations.health.example.com_Widget';

describe('custom health in Lua (argocd-cm)', () => {
  let custom: CustomHealth | undefined;
  before(async () => {
    custom = await prepareCustomHealth([
      script('example.com/Widget', `
        hs = {}
        if obj.status ~= nil and obj.status.ready then
          hs.status = "Healthy"
          hs.message = obj.metadata.name .. " has " .. #obj.status.parts .. " parts, the first " .. obj.status.parts[1]
        else
          hs.status = "Progressing"
          hs.message = "waiting"
        end
        return hs`),
      script('apps/Deployment', 'return { status = "Suspended", message = "managed by a custom script" }'),
      script('*.crossplane.io/*', 'return { status = "Degraded", message = obj.kind }'),
      script('Pod', 'return { status = "Healthy", message = "core kinds are keyed by Kind alone" }'),
    ]);
  });

  it('hands the live object to the script as `obj` (lists from 1) and reads { status, message }', () => {
    assert.deepEqual(assessHealth(live('example.com/v1', 'Widget', { status: { ready: true, parts: ['bolt', 'nut'] } }), custom), {
      status: 'Healthy', message: 'web has 2 parts, the first bolt',
    });
    assert.deepEqual(assessHealth(live('example.com/v1', 'Widget'), custom), { status: 'Progressing', message: 'waiting' });
  });

  it('overrides the built-in rule of its kind, and leaves other kinds to theirs', () => {
    const deployment = live('apps/v1', 'Deployment', { spec: { replicas: 1 }, status: { observedGeneration: 1, replicas: 1, updatedReplicas: 1, availableReplicas: 1 } });
    assert.deepEqual(assessHealth(deployment, custom), { status: 'Suspended', message: 'managed by a custom script' });
    assert.deepEqual(assessHealth(deployment), { status: 'Healthy' });
    const job = live('batch/v1', 'Job', { status: { conditions: [condition('Complete', 'True', '', 'done')] } });
    assert.deepEqual(assessHealth(job, custom), assessHealth(job));
  });

  it('matches wildcard keys, and a core kind by its name alone', () => {
    assert.deepEqual(assessHealth(live('pkg.crossplane.io/v1', 'Provider'), custom), { status: 'Degraded', message: 'Provider' });
    assert.deepEqual(assessHealth(live('v1', 'Pod', { status: { phase: 'Pending' } }), custom), { status: 'Healthy', message: 'core kinds are keyed by Kind alone' });
    assert.equal(assessHealth(live('other.example.com/v1', 'Widget'), custom), undefined);
  });

  it('prefers an exact key over a wildcard one, whatever their order', async () => {
    const both = await prepareCustomHealth([script('*/Widget', 'return { status = "Degraded" }'), script('example.com/Widget', 'return { status = "Healthy" }')]);
    assert.deepEqual(assessHealth(live('example.com/v1', 'Widget'), both), { status: 'Healthy' });
    assert.deepEqual(assessHealth(live('other.example.com/v1', 'Widget'), both), { status: 'Degraded' });
  });

  it('still says Progressing while an object is being deleted, as Argo CD does before any script', () => {
    const deleting = live('example.com/v1', 'Widget', {}, { deletionTimestamp: '2025-01-01T00:00:00Z' });
    assert.deepEqual(assessHealth(deleting, custom), { status: 'Progressing', message: 'Pending deletion' });
  });

  it('makes the object Unknown, naming the key, when the script fails in any way', async () => {
    assert.deepEqual(await widgetHealth('return { status = obj.status.phase }'), {
      status: 'Unknown', message: `${key}: health.lua:1: attempt to index a nil value (field 'status')`,
    });
    assert.deepEqual(await widgetHealth('error("no idea")'), { status: 'Unknown', message: `${key}: health.lua:1: no idea` });
    assert.deepEqual(await widgetHealth('return { status = "Fine" }'), {
      status: 'Unknown', message: `${key}: Lua returned an invalid health status "Fine"; expected one of Healthy, Suspended, Progressing, Missing, Degraded, Unknown`,
    });
    assert.match((await widgetHealth('return "Healthy"'))?.message ?? '', /^resource\.customizations\.health\.example\.com_Widget: the script returned string instead of a table/);
    assert.match((await widgetHealth('return {}'))?.message ?? '', /the script returned no status/);
    assert.match((await widgetHealth('hs = {'))?.message ?? '', /^resource\.customizations\.health\.example\.com_Widget: the Lua script does not compile: health\.lua:1: .*near <eof>/);
  });

  it('stops an endless loop at the time limit, even one that catches errors, and carries on', async () => {
    const started = Date.now();
    assert.deepEqual(await widgetHealth('while true do end'), {
      status: 'Unknown', message: `${key}: the script ran longer than 100 ms and was stopped; a health script must return promptly (look for a loop that never ends)`,
    });
    assert.match((await widgetHealth('while true do pcall(function() while true do end end) end'))?.message ?? '', /ran longer than 100 ms/);
    assert.ok(Date.now() - started < 1000, `took ${Date.now() - started} ms`);
    assert.deepEqual(await widgetHealth('return { status = "Healthy" }'), { status: 'Healthy' });
  });

  it('stops a script that allocates past the memory limit, and carries on', async () => {
    assert.deepEqual(await widgetHealth('local s = "x" for i = 1, 40 do s = s .. s end'), { status: 'Unknown', message: `${key}: the script used more than 16 MiB and was stopped` });
    // A table filled one entry at a time may meet the time limit first on a slow machine: either stops it.
    assert.match((await widgetHealth('local t = {} for i = 1, 1e9 do t[i] = i end'))?.message ?? '', /used more than 16 MiB|ran longer than 100 ms/);
    assert.deepEqual(await widgetHealth('return { status = "Healthy" }'), { status: 'Healthy' });
  });

  it('gives no io, os.execute, os.getenv, require of other modules, load, dofile or debug; a safe os as Argo CD', async () => {
    const reach = 'return { status = "Healthy", message = table.concat({ type(io), type(os.execute), type(os.getenv), type(os.exit), type(load), type(loadstring), type(dofile), type(loadfile), type(debug), type(package), type(string), type(os.time), type(require("os").clock) }, " ") }';
    assert.deepEqual(await widgetHealth(reach), { status: 'Healthy', message: 'nil nil nil nil nil nil nil nil nil nil nil function function' });
    assert.deepEqual(await widgetHealth(reach, {}, true), { status: 'Healthy', message: 'nil nil nil nil nil nil nil nil nil nil table function function' });
    assert.match((await widgetHealth('local io = require("io")'))?.message ?? '', /module io is not available in Sluice's Lua sandbox without useOpenLibs/);
    assert.match((await widgetHealth('local io = require("io")', {}, true))?.message ?? '', /module io is not available in Sluice's Lua sandbox$/);
  });

  it('offers string, math and string methods only with useOpenLibs', async () => {
    const upper = 'return { status = "Healthy", message = ("up"):upper() .. string.format("%d", math.floor(2.5)) }';
    assert.match((await widgetHealth(upper))?.message ?? '', /string methods need the string library: set resource\.customizations\.useOpenLibs/);
    assert.deepEqual(await widgetHealth(upper, {}, true), { status: 'Healthy', message: 'UP2' });
  });

  it('starts every call afresh: globals a script sets are gone on the next call', async () => {
    const custom = await prepareCustomHealth([script('example.com/Widget', 'seen = (seen or 0) + 1; table.insert = nil; return { status = "Healthy", message = tostring(seen) .. type(table.insert) }')]);
    const widget = live('example.com/v1', 'Widget');
    assert.deepEqual(assessHealth(widget, custom), { status: 'Healthy', message: '1nil' });
    assert.deepEqual(assessHealth(widget, custom), { status: 'Healthy', message: '1nil' });
  });

  it('refuses finalizers, which would run outside the call and its limits', async () => {
    assert.match((await widgetHealth('setmetatable({}, { __gc = function() while true do end end })'))?.message ?? '', /__gc metamethods are not allowed/);
  });

  it('gives whole numbers as integers, JSON null as nil, and strings byte for byte', async () => {
    const text = 'return { status = "Healthy", message = tostring(obj.spec.replicas) .. " " .. tostring(obj.spec.ratio) .. " " .. tostring(obj.spec.none) .. " " .. math.type(obj.spec.replicas) .. " " .. #obj.spec.nul .. " " .. obj.spec.text }';
    assert.deepEqual(await widgetHealth(text, { spec: { replicas: 3, ratio: 0.5, none: null, nul: 'a\u0000b', text: 'héllo ✓' } }, true), { status: 'Healthy', message: '3 0.5 nil integer 3 héllo ✓' });
  });

  it('reports each script that does not compile as a registry error naming its key, so the last good argocd-cm stays', async () => {
    const registry = loadRegistry([{ path: 'settings/argocd-cm.yaml', content: `apiVersion: v1
kind: ConfigMap
metadata:
  name: argocd-cm
data:
  resource.customizations.health.example.com_Widget: "hs = {"
  resource.customizations.health.example.com_Gadget: "return { status = 'Healthy' }"
  resource.customizations: |
    Pod:
      health.lua: "return {"
` }]);
    assert.deepEqual(registry.errors, []);
    const checked = await withHealthScriptErrors(registry);
    assert.equal(checked.resourceSettingsIncomplete, true);
    assert.deepEqual(checked.errors.map((e) => [e.file, e.field]), [
      ['settings/argocd-cm.yaml', 'data["resource.customizations"]["Pod"]["health.lua"]'],
      ['settings/argocd-cm.yaml', 'data["resource.customizations.health.example.com_Widget"]'],
    ]);
    assert.match(checked.errors[1]!.message, /^the Lua script does not compile: health\.lua:1: .*near <eof>$/);
    const fine = loadRegistry([{ path: 'a.yaml', content: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: argocd-cm\n' }]);
    assert.equal(await withHealthScriptErrors(fine), fine);
  });
});
