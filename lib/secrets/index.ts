export { SecretStore, type SecretStoreOptions } from './SecretStore.js';
export {
  defaultSecretStore, setDefaultSecretStore, getSecretString, getClusterCredentials, refreshClusterCredentials, putClusterCredentials,
} from './defaultSecretStore.js';
export {
  clusterSecretName, githubTokenSecretName, githubWebhookSecretName, slackSigningSecretName, slackWebhookUrlSecretName, SECRET_ROOT,
} from './names.js';
export { SecretError } from './errors.js';
