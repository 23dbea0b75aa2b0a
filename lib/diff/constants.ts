/** Written by `kubectl apply`; may hold a whole earlier manifest, Secret values included. */
export const LAST_APPLIED_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';

/** Written by the Deployment controller on every rollout. */
export const DEPLOYMENT_REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';

/** Annotations that the server or other tools write, never Git. */
export const IGNORED_ANNOTATIONS: readonly string[] = [LAST_APPLIED_ANNOTATION, DEPLOYMENT_REVISION_ANNOTATION];

/**
 * Metadata the API server sets. `deletionTimestamp` and `deletionGracePeriodSeconds` are lifecycle state an apply
 * cannot change; a terminating object is reported by health, not by the diff.
 */
export const SERVER_SET_METADATA: readonly string[] = [
  'managedFields', 'resourceVersion', 'generation', 'uid', 'creationTimestamp', 'selfLink',
  'deletionTimestamp', 'deletionGracePeriodSeconds',
];

/** What a hidden value shows as. Equal values get the same mask; a changed value gets one `+` more on the new side. */
export const SECRET_MASK = '++++++++';
