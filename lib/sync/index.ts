export { syncApp, type SyncRequest } from './sync-app.js';
export { diffApp, type AppDiff } from './diff-app.js';
export { renderRevision, type RenderRevisionOptions, type RenderedRevision } from './render-revision.js';
export { syncRunOptions, type SyncRunOptions } from './options.js';
export type { SyncTarget } from './target.js';
export { prepareTargetSettings, type TargetSettings } from './target-settings.js';
export { appLabel, trackingAnnotation, trackingId, parseTrackingId, isTrackedBy } from './tracking.js';
export { describeOutcome } from './summary.js';
