import type { Application } from '../model/index.js';
import type { AppStatus, AppStatusSummary } from '../store/index.js';
import { summarizeApp } from './app-summary.js';
import { resourceView } from './resource-view.js';
import { destinationView, sourcesView, sourceView, syncPolicyView } from './spec-views.js';
import type { AppDetail, ChildAppView } from './types.js';

/** The summary plus the app's spec (no secrets), each object's last result, and its children (app of apps) as they are now. */
export function describeApp(app: Application, status: AppStatus | undefined, children: readonly { name: string; status?: AppStatusSummary }[] = []): AppDetail {
  return {
    ...summarizeApp(app, status),
    source: sourceView(app),
    ...(app.sources ? { sources: sourcesView(app) } : {}),
    destination: destinationView(app),
    syncPolicy: syncPolicyView(app),
    resources: (status?.resources ?? []).map(resourceView),
    children: children.map((child): ChildAppView => ({ name: child.name, sync: child.status?.sync ?? 'Unknown', health: child.status?.health ?? 'Unknown' })),
  };
}
