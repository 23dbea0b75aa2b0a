export { EksAuth, type EksAuthOptions } from './eks-auth.js';
export { clusterIdHeader, eksTokenPrefix, eksTokenValidityMs, presignEksToken, type EksToken, type EksTokenInput } from './eks-token.js';
