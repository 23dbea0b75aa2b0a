import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ManagedProcess } from './process.js';
import { toolPath } from './paths.js';
import { freePort } from './ports.js';

export interface Etcd {
  url: string;
  process: ManagedProcess;
}

/** A single-member etcd on 127.0.0.1, without fsync: a test cluster's data need not survive a crash. */
export async function startEtcd(runDir: string): Promise<Etcd> {
  const [clientPort, peerPort] = [await freePort(), await freePort()];
  const url = `http://127.0.0.1:${clientPort}`;
  const peer = `http://127.0.0.1:${peerPort}`;
  const dataDir = join(runDir, 'etcd-data');
  mkdirSync(dataDir, { recursive: true });
  const proc = new ManagedProcess({
    name: 'etcd',
    command: toolPath('etcd'),
    args: [
      `--data-dir=${dataDir}`, `--listen-client-urls=${url}`, `--advertise-client-urls=${url}`,
      `--listen-peer-urls=${peer}`, `--initial-advertise-peer-urls=${peer}`, `--initial-cluster=default=${peer}`,
      '--unsafe-no-fsync', '--quota-backend-bytes=4294967296', '--log-level=warn',
    ],
    logFile: join(runDir, 'etcd.log'),
  });
  await proc.waitUntil(async () => (await fetch(`${url}/health`)).ok, 30_000, 'healthy');
  return { url, process: proc };
}
