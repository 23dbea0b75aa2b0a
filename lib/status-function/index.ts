export { handleStatusRequest } from './handle-status-request.js';
export { statusRoutes } from './routes.js';
