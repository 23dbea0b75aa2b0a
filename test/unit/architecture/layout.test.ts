import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { describe, it } from 'node:test';
import { repoRoot } from '../../../infra/local/paths.js';

const lib = join(repoRoot, 'lib');

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) return [];
    const path = join(dir, entry.name);
    return entry.isDirectory() ? walk(path) : [path];
  });
}

/** Relative imports and re-exports of one TypeScript file, resolved to the .ts files they name. */
function importsOf(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  return [...source.matchAll(/^\s*(?:import|export)\b[^'"]*?\bfrom\s+['"](\.[^'"]+)['"]/gm), ...source.matchAll(/\bimport\(\s*['"](\.[^'"]+)['"]\s*\)/g)]
    .map((match) => resolve(dirname(file), match[1]!.replace(/\.js$/, '.ts')));
}

/** The top-level lib/ folder a file belongs to, or undefined for lib/'s own files (errors.ts, version.ts). */
function folderOf(file: string): string | undefined {
  const parts = relative(lib, file).split(sep);
  return parts.length > 1 ? parts[0] : undefined;
}

const libFiles = walk(lib).filter((file) => file.endsWith('.ts'));

describe('code layout', () => {
  it('imports another lib/ folder only through its index.ts', () => {
    const offenders = libFiles.flatMap((file) => importsOf(file)
      .filter((target) => target.startsWith(lib + sep))
      .filter((target) => {
        const to = folderOf(target);
        return to !== undefined && to !== folderOf(file) && target !== join(lib, to, 'index.ts');
      })
      .map((target) => `${relative(repoRoot, file)} → ${relative(repoRoot, target)}`));
    assert.deepEqual(offenders, [], 'import the folder\'s index.ts and export what is needed from it');
  });

  it('has no import cycle between lib/ folders, and lib/\'s own files import no folder', () => {
    const edges = new Map<string, Set<string>>();
    for (const file of libFiles) {
      const from = folderOf(file) ?? basename(file);
      for (const target of importsOf(file)) {
        if (!target.startsWith(lib + sep)) continue;
        const to = folderOf(target) ?? basename(target);
        if (to !== from) edges.set(from, (edges.get(from) ?? new Set()).add(to));
      }
    }
    for (const ground of ['errors.ts', 'version.ts']) assert.deepEqual([...edges.get(ground) ?? []], [], `lib/${ground} is the ground floor`);
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (node: string, path: string[]) => {
      if (state.get(node) === 'done') return;
      if (state.get(node) === 'open') {
        cycles.push([...path.slice(path.indexOf(node)), node].join(' → '));
        return;
      }
      state.set(node, 'open');
      for (const next of edges.get(node) ?? []) visit(next, [...path, node]);
      state.set(node, 'done');
    };
    for (const node of edges.keys()) visit(node, []);
    assert.deepEqual(cycles, []);
  });

  it('names every source file in kebab-case', () => {
    const conventional = new Set(['README.md', 'Chart.yaml', 'Chart.lock', 'LICENSE', 'Dockerfile']);
    const roots = ['lib', 'functions', 'bin', 'infra', 'test', 'bench', 'events', 'examples', 'docs'].map((dir) => join(repoRoot, dir));
    const offenders = roots.flatMap((root) => walk(root))
      .filter((file) => !file.includes(`${sep}fixtures${sep}`) && !conventional.has(basename(file)))
      .filter((file) => !/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/.test(basename(file)))
      .map((file) => relative(repoRoot, file));
    assert.deepEqual(offenders, []);
  });
});
