import { createHash } from 'node:crypto';
import type { KubeObject, ObjectRef } from '../kube/index.js';

/** The annotation that says which app owns an object; only objects whose annotation names the app are pruned. */
export const trackingAnnotation = 'sluice.dev/tracking-id';
/** A label with the app name, so an app's objects can be listed with a selector; the annotation stays authoritative. */
export const appLabel = 'sluice.dev/app';

/** `<app>:<group>/<Kind>:<namespace>/<name>`, as Argo CD's annotation tracking writes it. */
export function trackingId(app: string, ref: ObjectRef): string {
  return `${app}:${ref.group}/${ref.kind}:${ref.namespace}/${ref.name}`;
}

export function parseTrackingId(value: string): { app: string; ref: ObjectRef } | undefined {
  const match = /^([^:]+):([^/]*)\/([^:]+):([^/]*)\/(.+)$/.exec(value);
  if (!match) return undefined;
  const [, app, group, kind, namespace, name] = match as unknown as [string, string, string, string, string, string];
  return { app, ref: { group, kind, namespace, name } };
}

/** A label value is at most 63 characters: longer app names are shortened with a hash suffix. */
export function appLabelValue(app: string): string {
  if (app.length <= 63) return app;
  return `${app.slice(0, 52)}-${createHash('sha256').update(app).digest('hex').slice(0, 10)}`;
}

/** A copy of the manifest with the tracking annotation and app label set. */
export function withTracking(object: KubeObject, app: string, ref: ObjectRef): KubeObject {
  return {
    ...object,
    metadata: {
      ...object.metadata,
      labels: { ...object.metadata.labels, [appLabel]: appLabelValue(app) },
      annotations: { ...object.metadata.annotations, [trackingAnnotation]: trackingId(app, ref) },
    },
  };
}

/** True when the live object's annotation says it belongs to `app` and is the object at `ref`. */
export function isTrackedBy(live: KubeObject, app: string): boolean {
  const value = live.metadata.annotations?.[trackingAnnotation];
  const parsed = value ? parseTrackingId(value) : undefined;
  if (!parsed || parsed.app !== app) return false;
  // An annotation copied onto another object (e.g. by a controller cloning metadata) does not make it ours.
  return parsed.ref.kind === live.kind && parsed.ref.name === live.metadata.name
    && parsed.ref.namespace === (live.metadata.namespace ?? '');
}
