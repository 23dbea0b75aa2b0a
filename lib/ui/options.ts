export interface UiOptions {
  /** Anyone may read the status pages; a token still unlocks the live diff. `SLUICE_UI_PUBLIC=true`. */
  public: boolean;
  /** Lifetime of the sign-in cookie. */
  cookieMaxAgeSeconds: number;
  /** History entries shown on an app's page. */
  historyLimit: number;
  /** Seconds between automatic reloads of the list and app pages (not of a live diff: it is costly). */
  refreshSeconds: number;
}

export function uiOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): UiOptions {
  return { public: env.SLUICE_UI_PUBLIC?.trim().toLowerCase() === 'true', cookieMaxAgeSeconds: 12 * 3600, historyLimit: 20, refreshSeconds: 15 };
}
