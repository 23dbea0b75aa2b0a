export { SecretStore, type SecretStoreOptions } from './secret-store.js';
export {
  defaultSecretStore, setDefaultSecretStore, getSecretString, getClusterCredentials, refreshClusterCredentials, putClusterCredentials,
} from './default-secret-store.js';
export {
  clusterSecretName, repositorySecretName, githubTokenSecretName, githubWebhookSecretName, slackSigningSecretName, slackWebhookUrlSecretName, SECRET_ROOT,
} from './names.js';
export { SecretError } from './errors.js';
