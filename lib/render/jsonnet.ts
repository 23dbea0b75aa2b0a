import { readFile, realpath, stat, writeFile } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { isInside, resolveInside } from '../source/index.js';
import type { JsonnetSource, JsonnetVariable } from '../model/index.js';
import { envsubst } from './argocd-env.js';
import type { RenderContext } from './context.js';
import { copySource } from './copy-source.js';
import { RenderError } from './errors.js';
import { toManifests } from './objects.js';
import { parseYamlDocuments } from './parse-yaml.js';
import { relativePath } from './relative-path.js';
import { runTool } from './run-tool.js';
import type { Manifest } from './types.js';

/** What sluice-jsonnet (infra/build/jsonnet) reads: a file Sluice writes, so no spec string is ever on its command line. */
export interface JsonnetRequest {
  root: string;
  file: string;
  jpaths: string[];
  extVars: JsonnetVariable[];
  tlas: JsonnetVariable[];
  maxHeapBytes: number;
  importsFile: string;
}

// eslint-disable-next-line no-control-regex
const controlChars = /[\u0000-\u0008\u000b-\u001f\u007f]/;

function checkedVariables(field: 'extVars' | 'tlas', variables: readonly JsonnetVariable[], env: Readonly<Record<string, string>>): JsonnetVariable[] {
  return variables.map((variable, i) => {
    const at = `spec.source.directory.jsonnet.${field}[${i}]`;
    if (variable.name.length > 256 || controlChars.test(variable.name) || /\s/.test(variable.name)) {
      throw new RenderError(`${at}.name ${JSON.stringify(variable.name)}: not a Jsonnet variable name; use letters, digits and "_"`);
    }
    if (field === 'tlas' && !/^[A-Za-z_][A-Za-z0-9_]*$/.test(variable.name)) {
      throw new RenderError(`${at}.name ${JSON.stringify(variable.name)}: not a top-level argument name; use a parameter name of the file's function (letters, digits, "_")`);
    }
    // Argo CD substitutes its build environment ($ARGOCD_APP_NAME, ...) into the values.
    const value = envsubst(variable.value, env);
    if (controlChars.test(value)) throw new RenderError(`${at}.value: holds control characters`);
    return { name: variable.name, value, code: variable.code };
  });
}

/** The library directories of spec.source.directory.jsonnet.libs, relative to the repository root, each checked to stay in it. */
export function jsonnetLibs(libs: readonly string[]): string[] {
  return libs.map((lib, i) => {
    const normalised = posix.normalize(lib || '.').replace(/\/+$/, '') || '.';
    if (posix.isAbsolute(normalised) || normalised === '..' || normalised.startsWith('../') || controlChars.test(normalised)) {
      throw new RenderError(`spec.source.directory.jsonnet.libs[${i}] ${JSON.stringify(lib)}: leaves the repository; use a path relative to its root`);
    }
    return normalised;
  });
}

export interface JsonnetRequestInputs {
  /** The source copy in the render's own directory, laid out as the repository. */
  srcDir: string;
  /** The app directory, relative to the repository root. */
  appRel: string;
  /** The file to evaluate, relative to the app directory. */
  file: string;
  jsonnet: JsonnetSource | undefined;
  env: Readonly<Record<string, string>>;
  maxHeapBytes: number;
  importsFile: string;
}

/**
 * The evaluation of one file as Argo CD sets it up: ext vars and TLAs (strings or code) with its build environment
 * substituted into their values, the app directory then the libraries (relative to the repository root) as library
 * paths, every path inside the source copy.
 */
export function jsonnetRequest(inputs: JsonnetRequestInputs): JsonnetRequest {
  const at = (rel: string) => (rel === '.' ? inputs.srcDir : join(inputs.srcDir, rel));
  return {
    root: inputs.srcDir,
    file: join(at(inputs.appRel), inputs.file),
    jpaths: [at(inputs.appRel), ...jsonnetLibs(inputs.jsonnet?.libs ?? []).map(at)],
    extVars: checkedVariables('extVars', inputs.jsonnet?.extVars ?? [], inputs.env),
    tlas: checkedVariables('tlas', inputs.jsonnet?.tlas ?? [], inputs.env),
    maxHeapBytes: inputs.maxHeapBytes,
    importsFile: inputs.importsFile,
  };
}

/** A directory app's Jsonnet evaluator: the source is copied once into the render's own directory for all its files. */
export class JsonnetRenderer {
  private prepared?: Promise<{ src: string; realSrc: string; appRel: string }>;
  private runs = 0;

  constructor(private readonly ctx: RenderContext, private readonly jsonnet: JsonnetSource | undefined, private readonly bin: string) {}

  private prepare(): Promise<{ src: string; realSrc: string; appRel: string }> {
    this.prepared ??= (async () => {
      const { ctx } = this;
      const realRoot = await realpath(ctx.checkoutDir);
      for (const [i, lib] of jsonnetLibs(this.jsonnet?.libs ?? []).entries()) {
        const dir = resolveInside(ctx.checkoutDir, lib);
        const real = dir && (await realpath(dir).catch(() => undefined));
        if (real && !isInside(realRoot, real)) {
          throw new RenderError(`spec.source.directory.jsonnet.libs[${i}] ${JSON.stringify(lib)}: a symlink out of the repository`);
        }
      }
      // Imports may reach anywhere in the repository, as under Argo CD, so the copy is the whole of it (within the source limits).
      const src = join(ctx.workDir, 'src');
      await copySource(ctx.checkoutDir, ['.'], src, ctx.limits);
      return { src, realSrc: await realpath(src), appRel: relativePath(realRoot, await realpath(ctx.appDir)) };
    })();
    return this.prepared;
  }

  /** Evaluates one file (relative to the app directory) into its objects. */
  async render(relToApp: string): Promise<Manifest[]> {
    const { ctx } = this;
    const file = posix.join(ctx.appPath, relToApp);
    const { src, realSrc, appRel } = await this.prepare();
    this.runs += 1;
    const requestFile = join(ctx.workDir, `jsonnet-request-${this.runs}.json`);
    const importsFile = join(ctx.workDir, `jsonnet-imports-${this.runs}.txt`);
    const request = jsonnetRequest({
      srcDir: src, appRel, file: relToApp, jsonnet: this.jsonnet, env: ctx.buildEnv, importsFile,
      maxHeapBytes: Math.min(1024 * 1024 * 1024, 16 * ctx.limits.maxRenderBytes),
    });
    await writeFile(requestFile, JSON.stringify(request));
    const output = await runTool({
      bin: this.bin, args: [requestFile], cwd: src, timeoutMs: ctx.limits.toolTimeoutMs, maxOutputBytes: ctx.limits.maxToolOutputBytes,
      where: file, command: 'jsonnet', replacements: [[`${realSrc}/`, ''], [`${src}/`, ''], [realSrc, '.'], [src, '.'], [ctx.workDir, '<scratch>']],
    }).finally(() => this.recordImports(importsFile, realSrc));
    const what = `${file} (jsonnet output)`;
    ctx.budget.addBytes(Buffer.byteLength(output), what);
    const manifests = parseYamlDocuments(output, what, { json: true, limits: ctx.limits }).flatMap((doc) => toManifests(doc.value, { file }));
    ctx.budget.addObjects(manifests.length, file);
    return manifests;
  }

  /** The files an evaluation imported are among what the render read. */
  private async recordImports(importsFile: string, realSrc: string): Promise<void> {
    if (!(await stat(importsFile).catch(() => undefined))) return;
    for (const line of (await readFile(importsFile, 'utf8')).split('\n')) {
      if (line && isInside(realSrc, line)) this.ctx.reads.paths.add(relativePath(realSrc, line));
    }
  }
}
