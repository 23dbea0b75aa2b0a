/**
 * How the API server identifies items of well-known lists (the strategic-merge / SSA list map keys), so items can
 * be matched by identity rather than position. Keyed by field name, which holds for the built-in kinds.
 */
import { isMap } from './json.js';

const NAME_KEYED = [
  'containers', 'initContainers', 'ephemeralContainers', 'volumes', 'env', 'imagePullSecrets', 'resourceClaims',
  'schedulingGates', 'webhooks', 'versions', 'claims',
];

const KEY_FIELDS: Record<string, readonly string[]> = {
  ...Object.fromEntries(NAME_KEYED.map((field) => [field, ['name']])),
  volumeMounts: ['mountPath'],
  volumeDevices: ['devicePath'],
  conditions: ['type'],
  hostAliases: ['ip'],
  readinessGates: ['conditionType'],
  resizePolicy: ['resourceName'],
  topologySpreadConstraints: ['topologyKey', 'whenUnsatisfiable'],
  ownerReferences: ['uid'],
};

/**
 * The identity of `item` in the list held by field `listField`, e.g. `name=web`; undefined when the list is not
 * keyed or the item lacks its key. Ports default their protocol to TCP, as the server does.
 */
export function listItemIdentity(listField: string | undefined, item: unknown): string | undefined {
  if (listField === undefined || !isMap(item)) return undefined;
  const fields = listField === 'ports' ? portKeyFields(item) : KEY_FIELDS[listField];
  if (!fields || fields.some((field) => field !== 'protocol' && !isScalar(item[field]))) return undefined;
  return fields.map((field) => `${field}=${String(item[field] ?? (field === 'protocol' ? 'TCP' : ''))}`).join(',');
}

/** Container ports are keyed by containerPort, Service ports by port; both with protocol. */
function portKeyFields(item: Record<string, unknown>): readonly string[] | undefined {
  if (item.containerPort !== undefined) return ['containerPort', 'protocol'];
  if (item.port !== undefined) return ['port', 'protocol'];
  return undefined;
}

function isScalar(value: unknown): boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}
