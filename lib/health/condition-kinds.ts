import { conditionRule, type ConditionRuleOptions } from './condition-rule.js';
import { fluxHealth, helmRepositoryHealth } from './flux.js';
import type { HealthRule } from './types.js';

/** Strimzi writes Ready=True or NotReady=True; NotReady with reason Creating is a cluster still being deployed. */
const strimzi: ConditionRuleOptions = {
  signals: [
    { type: 'ReconciliationPaused', health: 'Suspended' },
    { type: 'NotReady', reasons: ['Creating'], health: 'Progressing' },
    { type: 'NotReady', health: 'Degraded' },
  ],
};

/** KEDA: Paused when the paused annotation is set; Fallback when its scalers fail and fallback replicas are used. */
const keda: ConditionRuleOptions = {
  signals: [
    { type: 'Paused', health: 'Suspended' },
    { type: 'Fallback', health: 'Degraded' },
  ],
};

/** Crossplane packages: installed, then healthy; unpacking and a revision still starting are under way. */
const crossplanePackage: ConditionRuleOptions = { healthy: ['Installed', 'Healthy'], progressingReasons: /unpack|inactive|unknown|pending|awaiting/i };

/** knative: the Service is Ready once its configuration (revision) and route are; any False one is a failure. */
const knative: ConditionRuleOptions = { healthy: ['ConfigurationsReady', 'RoutesReady', 'Ready'], progressingReasons: [] };

/** Kinds judged by their conditions alone, by `group/Kind`. */
export const conditionKinds: ReadonlyArray<readonly [string, HealthRule]> = [
  ...['kustomize.toolkit.fluxcd.io/Kustomization', 'helm.toolkit.fluxcd.io/HelmRelease']
    .concat(['GitRepository', 'OCIRepository', 'HelmChart', 'Bucket'].map((kind) => `source.toolkit.fluxcd.io/${kind}`))
    .concat(['ImageRepository', 'ImagePolicy', 'ImageUpdateAutomation'].map((kind) => `image.toolkit.fluxcd.io/${kind}`))
    .concat(['notification.toolkit.fluxcd.io/Receiver'])
    .map((key) => [key, fluxHealth] as const),
  ['source.toolkit.fluxcd.io/HelmRepository', helmRepositoryHealth],

  // cert-manager. A Certificate is re-issued in place: Issuing says whether that is under way or has failed.
  ['cert-manager.io/Certificate', conditionRule({
    signals: [
      { type: 'Issuing', status: 'False', reasons: ['Failed'], health: 'Degraded' },
      { type: 'Issuing', health: 'Progressing' },
    ],
    progressingReasons: [],
  })],
  ['cert-manager.io/CertificateRequest', conditionRule({
    signals: [
      { type: 'Denied', health: 'Degraded' },
      { type: 'InvalidRequest', health: 'Degraded' },
    ],
    progressingReasons: ['Pending'],
  })],
  ['cert-manager.io/Issuer', conditionRule()],
  ['cert-manager.io/ClusterIssuer', conditionRule()],

  // external-secrets: Ready=False carries SecretSyncedError, InvalidProviderConfig, ValidationFailed, Errored…
  ['external-secrets.io/ExternalSecret', conditionRule()],
  ['external-secrets.io/ClusterExternalSecret', conditionRule({
    // Older releases report a partial or failed fan-out to namespaces as conditions of their own.
    signals: [
      { type: 'NotReady', health: 'Degraded' },
      { type: 'PartiallyReady', health: 'Degraded' },
    ],
  })],
  ['external-secrets.io/SecretStore', conditionRule()],
  ['external-secrets.io/ClusterSecretStore', conditionRule()],
  ['external-secrets.io/PushSecret', conditionRule()],

  ['bitnami.com/SealedSecret', conditionRule({ healthy: ['Synced'], progressingReasons: [] })],

  ['keda.sh/ScaledObject', conditionRule(keda)],
  ['keda.sh/ScaledJob', conditionRule(keda)],

  // Gateway API: the API server's default status says Pending until a controller takes the object.
  ['gateway.networking.k8s.io/GatewayClass', conditionRule({ healthy: ['Accepted'], progressingReasons: ['Pending', 'Waiting'] })],
  ['gateway.networking.k8s.io/Gateway', conditionRule({ healthy: ['Accepted', 'Programmed'], progressingReasons: ['Pending'] })],

  ...['Kafka', 'KafkaTopic', 'KafkaUser', 'KafkaConnect', 'KafkaConnector', 'KafkaMirrorMaker2', 'KafkaBridge']
    .map((kind) => [`kafka.strimzi.io/${kind}`, conditionRule(strimzi)] as const),

  ['serving.knative.dev/Service', conditionRule(knative)],
  ['serving.knative.dev/Configuration', conditionRule({ progressingReasons: [] })],
  ['serving.knative.dev/Route', conditionRule({ progressingReasons: [] })],

  ...['Provider', 'Configuration', 'Function'].map((kind) => [`pkg.crossplane.io/${kind}`, conditionRule(crossplanePackage)] as const),
  ['apiextensions.crossplane.io/CompositeResourceDefinition', conditionRule({ healthy: ['Established'] })],

  // A CronWorkflow has nothing to be ready: Healthy unless submitting a workflow or reading its spec failed.
  ['argoproj.io/CronWorkflow', conditionRule({
    healthy: [],
    suspend: ['spec', 'suspend'],
    signals: [
      { type: 'SubmissionError', health: 'Degraded' },
      { type: 'SpecError', health: 'Degraded' },
    ],
  })],
  ['argoproj.io/ApplicationSet', conditionRule({
    healthy: ['ResourcesUpToDate'],
    signals: [
      { type: 'ErrorOccurred', health: 'Degraded' },
      { type: 'RolloutProgressing', health: 'Progressing' },
    ],
  })],
];
