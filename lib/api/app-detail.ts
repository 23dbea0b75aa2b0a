import type { Application } from '../model/index.js';
import type { AppStatus } from '../store/index.js';
import { summarizeApp } from './app-summary.js';
import { resourceView } from './resource-view.js';
import { destinationView, sourcesView, sourceView, syncPolicyView } from './spec-views.js';
import type { AppDetail } from './types.js';

/** The summary plus the app's spec (no secrets) and each object's last result. */
export function describeApp(app: Application, status: AppStatus | undefined): AppDetail {
  return {
    ...summarizeApp(app, status),
    source: sourceView(app),
    ...(app.sources ? { sources: sourcesView(app) } : {}),
    destination: destinationView(app),
    syncPolicy: syncPolicyView(app),
    resources: (status?.resources ?? []).map(resourceView),
  };
}
