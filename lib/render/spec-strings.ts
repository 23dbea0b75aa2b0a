import type { HelmParameter, KustomizeSource } from '../model/index.js';
import { RenderError } from './errors.js';

/**
 * Checks on every spec string that reaches helm or kustomize on a command line. Each one is refused unless it has
 * the shape its field allows, and none may start with `-`: a spec string never becomes a tool flag.
 */

const dnsLabel = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
/** Helm's own rule for release names (pkg/chartutil ValidateReleaseName): a DNS-1123 subdomain of at most 53 characters. */
const releaseName = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
/** A `--set` key: dotted path segments, list indexes, `\`-escaped dots and commas; never `=` or an unescaped `,`. */
const setKey = /^[A-Za-z0-9_$@](?:[A-Za-z0-9_.$@/:+-]|\\[.,=\\]|\[\d+\])*$/;
const qualifiedNamePart = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const dnsSubdomain = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const labelValue = /^([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?$/;
/** `name`, `name:tag`, `name@digest`, `name=newName:tag` and `*=...`, as kustomize edit set image takes them. */
const imageSpec = /^[A-Za-z0-9*][A-Za-z0-9._\-/:@=*]*$/;
const namePart = /^[a-z0-9.-]*$/;
/** A Kubernetes object name (DNS-1123 subdomain). */
const objectName = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;
// eslint-disable-next-line no-control-regex
const controlChars = /[\u0000-\u001f\u007f]/;

function refuse(field: string, value: string, rule: string): never {
  throw new RenderError(`${field} ${JSON.stringify(value)}: ${rule}`);
}

export function checkReleaseName(name: string, field = 'spec.source.helm.releaseName'): void {
  if (name.length > 53 || !releaseName.test(name)) {
    refuse(field, name, 'not a valid Helm release name; use at most 53 lowercase letters, digits, "-" and ".", ' +
      'starting and ending with a letter or digit');
  }
}

export function checkNamespace(namespace: string, field: string): void {
  if (namespace.length > 63 || !dnsLabel.test(namespace)) {
    refuse(field, namespace, 'not a valid namespace; use at most 63 lowercase letters, digits and "-", starting and ending with a letter or digit');
  }
}

export function checkHelmParameters(parameters: readonly HelmParameter[]): void {
  for (const [i, p] of parameters.entries()) {
    const field = `spec.source.helm.parameters[${i}].name`;
    if (p.name.length > 512 || !setKey.test(p.name)) {
      refuse(field, p.name, 'not a Helm value path; use keys like image.tag, list[0].name or a\\.dotted\\.key ' +
        '(letters, digits, "_", "-", "/", escaped "\\." and "[n]"; no "=", "," or leading "-")');
    }
    if (controlChars.test(p.value.replace(/[\n\t]/g, ''))) refuse(`spec.source.helm.parameters[${i}].value`, p.value, 'holds control characters');
  }
}

/** `prefix/name` with a DNS-subdomain prefix and a name part, as Kubernetes label and annotation keys are. */
function checkQualifiedKey(field: string, key: string): void {
  const [prefix, name, ...rest] = key.includes('/') ? key.split('/') : [undefined, key];
  const ok = rest.length === 0 && name !== undefined && name.length <= 63 && qualifiedNamePart.test(name)
    && (prefix === undefined || (prefix.length <= 253 && dnsSubdomain.test(prefix)));
  if (!ok) refuse(field, key, 'not a valid label or annotation key; use [prefix/]name with letters, digits, "-", "_" and "."');
}

export function checkKustomizeOverrides(overrides: KustomizeSource): void {
  const field = (name: string) => `spec.source.kustomize.${name}`;
  for (const [name, value] of [['namePrefix', overrides.namePrefix], ['nameSuffix', overrides.nameSuffix]] as const) {
    if (value !== undefined && (value.length > 253 || !namePart.test(value))) {
      refuse(field(name), value, 'may hold only lowercase letters, digits, "-" and "." (it becomes part of object names)');
    }
  }
  for (const [i, image] of overrides.images.entries()) {
    if (image.length > 512 || !imageSpec.test(image)) {
      refuse(`${field('images')}[${i}]`, image, 'not an image override; use name=newName:tag, name:tag or name@digest');
    }
  }
  for (const [key, value] of Object.entries(overrides.commonLabels)) {
    checkQualifiedKey(`${field('commonLabels')} key`, key);
    if (value.length > 63 || !labelValue.test(value)) {
      refuse(`${field('commonLabels')}.${key}`, value, 'not a valid label value; use at most 63 letters, digits, "-", "_" and "."');
    }
  }
  for (const [key, value] of Object.entries(overrides.commonAnnotations)) {
    checkQualifiedKey(`${field('commonAnnotations')} key`, key);
    if (controlChars.test(value.replace(/[\n\t]/g, ''))) refuse(`${field('commonAnnotations')}.${key}`, value, 'holds control characters');
  }
  if (overrides.namespace !== undefined) checkNamespace(overrides.namespace, field('namespace'));
  for (const [i, replica] of (overrides.replicas ?? []).entries()) {
    if (replica.name.length > 253 || !objectName.test(replica.name)) {
      refuse(`${field('replicas')}[${i}].name`, replica.name, 'not an object name; use the name of a Deployment, StatefulSet or ReplicaSet of the build');
    }
    if (!Number.isSafeInteger(replica.count) || replica.count < 0) refuse(`${field('replicas')}[${i}].count`, String(replica.count), 'must be a whole number, 0 or more');
  }
  for (const [i, component] of (overrides.components ?? []).entries()) {
    if (component.length > 1024 || controlChars.test(component) || /[*?[\]\\]/.test(component) || component.startsWith('-')) {
      refuse(`${field('components')}[${i}]`, component, 'not a component path; write the path of each component directory (no glob patterns)');
    }
  }
  for (const [i, patch] of (overrides.patches ?? []).entries()) {
    if (patch.path !== undefined && (patch.path.length > 1024 || controlChars.test(patch.path))) {
      refuse(`${field('patches')}[${i}].path`, patch.path, 'not a patch file path; use a path relative to the kustomization');
    }
  }
}
