import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';

/** The kubeconfig's current-context name, read only for naming the cluster; credentials are read by lib/kube. */
export async function currentContextOf(path: string): Promise<string | undefined> {
  try {
    const config = parse(await readFile(path, 'utf8')) as { 'current-context'?: unknown } | null;
    const name = config?.['current-context'];
    return typeof name === 'string' && name ? name : undefined;
  } catch {
    return undefined;
  }
}
