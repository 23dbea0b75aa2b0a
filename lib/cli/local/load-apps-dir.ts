import { readdir, readFile } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { withHealthScriptErrors } from '../../health/index.js';
import { loadRegistry, type ConfigFile, type Registry } from '../../model/index.js';
import { CliError } from '../errors.js';

const manifestFile = /\.(ya?ml|json)$/i;

/** The Applications and AppProjects of a directory (and its subdirectories, hidden ones skipped), as a config repo push loads them. */
export async function loadAppsDir(dir: string): Promise<Registry> {
  let entries: string[];
  try {
    entries = await readdir(dir, { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(`--apps ${dir}: ${code === 'ENOENT' ? 'no such directory' : code === 'ENOTDIR' ? 'not a directory' : `cannot be read (${code ?? 'error'})`}`);
  }
  const paths = entries.filter((path) => manifestFile.test(path) && !path.split(sep).some((part) => part.startsWith('.'))).sort();
  const files: ConfigFile[] = await Promise.all(paths.map(async (path) => ({ path: path.split(sep).join('/'), content: await readFile(join(dir, path), 'utf8') })));
  return withHealthScriptErrors(loadRegistry(files));
}
