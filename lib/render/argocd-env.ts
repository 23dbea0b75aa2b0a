import type { ApplicationSource } from '../model/index.js';

/** What Argo CD's build environment is made of: the app, its destination namespace and project, and the revision. */
export interface BuildEnvInputs {
  appName: string;
  namespace?: string;
  project?: string;
  /** The commit being rendered; empty when the caller did not say. */
  revision?: string;
  source: Pick<ApplicationSource, 'repoURL' | 'path' | 'targetRevision'>;
}

/** Argo CD's build environment (`ARGOCD_APP_*`), which `$VAR` and `${VAR}` in some spec values expand to. */
export function argoBuildEnv(inputs: BuildEnvInputs): Record<string, string> {
  const revision = inputs.revision ?? '';
  return {
    ARGOCD_APP_NAME: inputs.appName,
    ARGOCD_APP_NAMESPACE: inputs.namespace ?? '',
    ARGOCD_APP_PROJECT_NAME: inputs.project ?? '',
    ARGOCD_APP_REVISION: revision,
    ARGOCD_APP_REVISION_SHORT: revision.slice(0, 7),
    ARGOCD_APP_REVISION_SHORT_8: revision.slice(0, 8),
    ARGOCD_APP_SOURCE_REPO_URL: inputs.source.repoURL,
    ARGOCD_APP_SOURCE_PATH: inputs.source.path,
    ARGOCD_APP_SOURCE_TARGET_REVISION: inputs.source.targetRevision,
  };
}

const specialVar = /^[*#$@!?\-0-9]$/;
const nameChar = /[A-Za-z0-9_]/;

/**
 * The name after a `$` at `s[0]` onwards and how many characters it takes, as Go's os.Expand reads it: `{name}`,
 * one special character, or a run of letters, digits and `_`. An empty name with a width is bad syntax, eaten.
 */
function shellName(s: string): [string, number] {
  if (s[0] === '{') {
    if (s.length > 2 && specialVar.test(s[1]!) && s[2] === '}') return [s[1]!, 3];
    const close = s.indexOf('}', 1);
    if (close === 1) return ['', 2];
    return close === -1 ? ['', 1] : [s.slice(1, close), close + 1];
  }
  if (specialVar.test(s[0]!)) return [s[0]!, 1];
  let i = 0;
  while (i < s.length && nameChar.test(s[i]!)) i += 1;
  return [s.slice(0, i), i];
}

/**
 * Argo CD's Envsubst: `$NAME` and `${NAME}` become the variable's value, an unknown name becomes empty, `$$` is `$`,
 * and a `$` before anything else stays.
 */
export function envsubst(text: string, env: Readonly<Record<string, string>>): string {
  let out = '';
  let from = 0;
  for (let j = 0; j < text.length; j += 1) {
    if (text[j] !== '$' || j + 1 >= text.length) continue;
    out += text.slice(from, j);
    const [name, width] = shellName(text.slice(j + 1));
    if (name === '' && width === 0) out += '$';
    else if (name !== '') out += name === '$' ? '$' : (Object.hasOwn(env, name) ? env[name] : '');
    j += width;
    from = j + 1;
  }
  return out + text.slice(from);
}
