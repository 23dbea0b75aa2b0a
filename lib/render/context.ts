import type { ApplicationSource } from '../model/index.js';
import type { RenderBudget } from './render-budget.js';
import type { RenderLimits, RenderUrlPolicy } from './types.js';

/** What every renderer needs about the application being rendered. */
export interface RenderContext {
  /** Root of the checkout (absolute). Read, never written, and never handed to a tool. */
  checkoutDir: string;
  /** The application's directory (absolute, inside checkoutDir). */
  appDir: string;
  /** appDir relative to the checkout, `/`-separated; `.` for the root. Used in messages and provenance. */
  appPath: string;
  source: ApplicationSource;
  appName: string;
  namespace?: string;
  limits: RenderLimits;
  budget: RenderBudget;
  urls: RenderUrlPolicy;
  /** This render's own fresh, private directory: the tools run on a copy of the source made in it, and nowhere else. */
  workDir: string;
  /** Argo CD's build environment (`ARGOCD_APP_*`), for the spec values Argo CD substitutes it into. */
  buildEnv: Readonly<Record<string, string>>;
  /** Helm only: fetches a chart copy's remote dependencies into its charts/ (else they must be vendored), and the target cluster's version and API versions. */
  helm?: RenderHelmOptions;
  /** What the render read, filled in by the renderer: repository paths, and whether anything came from elsewhere. */
  reads: { paths: Set<string>; remote: boolean };
  /** A multi-source app's ref sources: ref name → the root of its checkout, for `$<ref>/path` Helm value files. */
  refs?: ReadonlyMap<string, string>;
}

/** What a Helm render gets from outside the source: how to fetch chart dependencies, and what the cluster serves. */
export interface RenderHelmOptions {
  /** `helm dependency build` on the render's copy of the chart (`what` names it in messages). */
  dependencies?: (chartDir: string, what: string) => Promise<void>;
  /** The destination cluster's version and API versions, asked only when the app does not set helm.kubeVersion/apiVersions. */
  capabilities?: () => Promise<{ kubeVersion?: string; apiVersions?: string[] }>;
}
