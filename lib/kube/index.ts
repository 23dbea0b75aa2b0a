export { KubeClient, type KubeClientOptions } from './client.js';
export type { KubeWarning } from './context.js';
export { kubeconfigToCredentials, type KubeconfigSource } from './kubeconfig.js';
export type { ApiResource } from './api-catalog.js';
export { versionedRefOf, type VersionedRef } from './target.js';
export { defaultApplyOptions, type ApplyOptions, type FieldValidation } from './apply.js';
export { defaultListOptions, type ListOptions } from './list.js';
export { defaultWriteOptions, type WriteOptions } from './write-options.js';
export { defaultDeleteOptions, type DeleteOptions, type DeleteResult, type PropagationPolicy } from './delete.js';
export { defaultWaitOptions, type WaitOptions } from './wait.js';
export { defaultTransportOptions, type TransportOptions } from './transport.js';
export {
  ImmutableFieldError, KubeApiError, KubeConnectionError, KubeObjectError, ObjectError, UnauthorizedError, UnknownKindError,
} from './errors.js';
export type { KubeStatus, StatusCause } from './status.js';
export { groupOf, refOf, formatRef, refKey } from './refs.js';
export type { KubeObject, ObjectMeta, ObjectRef } from './types.js';
