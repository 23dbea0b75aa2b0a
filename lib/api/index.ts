export { handleApiRequest } from './handle-request.js';
export { defaultApiOptions, defaultMaxBodyBytes, type ApiOptions } from './options.js';
export { apiRoutes } from './routes.js';
export { matchRoute, type Access, type Route, type RouteContext, type RouteMatch } from './router.js';
export { computeAppDiff, type AppDiffDeps } from './compute-app-diff.js';
export { createApiToken, type NewApiToken } from './api-tokens.js';
export { openApiDocument } from './openapi.js';
export { ApiError } from './errors.js';
export type {
  ApiDeps, ApiLogger, ApiQueue, ApiRequest, ApiResponse, ApiStore, AppDetail, AppSummary, Caller, DeletionView, DestinationView, DiffView, ErrorBody,
  HistoryEntryView, HistoryRecordView, OperationView, MultiSourceView, QueuedView, ResourceView, RevisionDiff, SourceView, SyncPolicyView,
} from './types.js';
export { describeApp } from './app-detail.js';
export { summarizeApp } from './app-summary.js';
export { diffView } from './diff-view.js';
export { statusService, type AppList, type JobReply, type StatusService } from './status-service.js';
export { badRequest } from './errors.js';
export { json } from './responses.js';
