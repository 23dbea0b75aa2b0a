import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { RenderError } from '../render/index.js';
import { CheckoutBudget, defaultCheckoutLimits, extractTarball } from '../source/index.js';

export const chartDirName = 'chart';

/** `sha256:<hex>` of `bytes`. */
export function sha256Digest(bytes: Buffer): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

/**
 * The chart archives unpacked under `<cacheDir>/charts/<digest>/chart`, and which digest a (repository, chart,
 * version) had (`refs/`), so a chart at a version seen before is used without asking its repository again.
 */
export class ChartCache {
  private readonly root: string;

  constructor(cacheDir: string) {
    this.root = join(cacheDir, 'charts');
  }

  dirOf(digest: string): string {
    return join(this.root, digest.replace(':', '-'));
  }

  async has(digest: string): Promise<boolean> {
    return (await stat(join(this.dirOf(digest), chartDirName)).catch(() => undefined))?.isDirectory() ?? false;
  }

  /** Checks the archive against `digest` (when stated), then unpacks it once; returns the digest it is kept under. */
  async store(bytes: Buffer, what: string, expected?: string): Promise<string> {
    const digest = sha256Digest(bytes);
    if (expected && expected !== digest) throw new RenderError(`${what}: the chart archive's digest is ${digest}, not the ${expected} the repository states; the download is refused`);
    if (await this.has(digest)) return digest;
    const dir = this.dirOf(digest);
    const staging = `${dir}.${randomUUID()}`;
    await mkdir(join(staging, chartDirName), { recursive: true });
    try {
      await extractTarball(Readable.from([bytes]), join(staging, chartDirName), new CheckoutBudget(defaultCheckoutLimits()));
      await rename(staging, dir).catch(async (error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error; // another render got there first
        await rm(staging, { recursive: true, force: true });
      });
    } catch (error) {
      await rm(staging, { recursive: true, force: true });
      if (error instanceof RenderError) throw error;
      throw new RenderError(`${what}: the chart archive cannot be unpacked: ${(error as Error).message}`);
    }
    return digest;
  }

  private refFile(key: string): string {
    return join(this.root, 'refs', createHash('sha256').update(key).digest('hex'));
  }

  async digestOf(key: string): Promise<string | undefined> {
    const text = await readFile(this.refFile(key), 'utf8').catch(() => undefined);
    return text && /^sha256:[0-9a-f]{64}$/.test(text) && await this.has(text) ? text : undefined;
  }

  async remember(key: string, digest: string): Promise<void> {
    await mkdir(join(this.root, 'refs'), { recursive: true });
    await writeFile(this.refFile(key), digest);
  }
}
