import type { Application } from '../model/index.js';
import { displayRepoUrl, redactText } from '../source/index.js';
import type { DestinationView, MultiSourceView, SourceView, SyncPolicyView } from './types.js';

/** Where the app comes from, without credentials in URLs and without Helm values (they may hold secrets). */
export function sourceView({ source }: Application): SourceView {
  const { helm, kustomize, directory } = source;
  return {
    repoURL: displayRepoUrl(source.repoURL),
    targetRevision: source.targetRevision,
    path: source.path,
    ...(source.chart !== undefined ? { chart: source.chart } : {}),
    helm: helm ? { releaseName: helm.releaseName ?? null, valueFiles: helm.valueFiles.map(redactText), parameterNames: helm.parameters.map((p) => p.name) } : null,
    kustomize: kustomize
      ? { namePrefix: kustomize.namePrefix ?? null, nameSuffix: kustomize.nameSuffix ?? null, namespace: kustomize.namespace ?? null, images: kustomize.images }
      : null,
    directory: directory ? { recurse: directory.recurse, include: directory.include ?? null, exclude: directory.exclude ?? null } : null,
  };
}

export function destinationView({ destination }: Application): DestinationView {
  return { name: destination.name ?? null, server: destination.server ? redactText(destination.server) : null, namespace: destination.namespace ?? null };
}

export function syncPolicyView({ syncPolicy }: Application): SyncPolicyView {
  return {
    automated: syncPolicy.automated ? { ...syncPolicy.automated } : null,
    syncOptions: { ...syncPolicy.syncOptions },
    retry: syncPolicy.retry ? { limit: syncPolicy.retry.limit, backoff: { ...syncPolicy.retry.backoff } } : null,
  };
}

/** A multi-source app's sources, each as sourceView shows one, with its ref; undefined for a single-source app. */
export function sourcesView(app: Application): MultiSourceView[] | undefined {
  return app.sources?.map((source) => ({ ...sourceView({ ...app, source }), ref: source.ref ?? null, name: source.name ?? null, refOnly: source.refOnly === true }));
}
