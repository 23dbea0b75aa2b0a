import type { ApplicationSource } from '../model/index.js';

/** What every renderer needs about the application being rendered. */
export interface RenderContext {
  /** Root of the checkout (absolute). */
  checkoutDir: string;
  /** The application's directory (absolute, inside checkoutDir). */
  appDir: string;
  /** appDir relative to the checkout, `/`-separated; `.` for the root. Used in messages and provenance. */
  appPath: string;
  source: ApplicationSource;
  appName: string;
  namespace?: string;
  timeoutMs: number;
}
