import { join } from 'node:path';
import { ManagedProcess } from './process.js';
import { freePort } from './ports.js';
import { ensurePythonTool } from './python-tools.js';

export interface Moto {
  endpoint: string;
  process: ManagedProcess;
}

/** moto_server on 127.0.0.1: SQS, DynamoDB and Secrets Manager for tests and the local loop. */
export async function startMoto(runDir: string, onProgress: (message: string) => void): Promise<Moto> {
  const command = process.env.SLUICE_MOTO_SERVER ?? ensurePythonTool('moto_server', onProgress);
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  const proc = new ManagedProcess({
    name: 'moto_server',
    command,
    args: ['-H', '127.0.0.1', '-p', String(port)],
    logFile: join(runDir, 'moto.log'),
  });
  await proc.waitUntil(async () => (await fetch(`${endpoint}/moto-api/data.json`)).ok, 60_000, 'serving');
  return { endpoint, process: proc };
}

/** Forgets every queue, table and secret. */
export async function resetMoto(endpoint: string): Promise<void> {
  const response = await fetch(`${endpoint}/moto-api/reset`, { method: 'POST' });
  if (!response.ok) throw new Error(`moto reset failed: ${response.status}`);
}
