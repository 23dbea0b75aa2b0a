export { describeError } from './describe-error.js';
export { headerOf } from './header-of.js';
export { mapLimit } from './map-limit.js';
export { compileArgoGlob, globMatch } from './argo-glob.js';
export { SharedCache } from './shared-cache.js';
