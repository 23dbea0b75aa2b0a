import { formatBytes, limitError } from './limits.js';
import type { RenderLimits } from './types.js';

/** Counts the manifest bytes and objects of one render and stops it as soon as a limit is crossed. */
export class RenderBudget {
  private bytes = 0;
  private objects = 0;

  constructor(readonly limits: RenderLimits) {}

  /** Manifest text read from a file or printed by a tool; `where` names it. */
  addBytes(bytes: number, where: string): void {
    this.bytes += bytes;
    if (this.bytes > this.limits.maxRenderBytes) {
      throw limitError('maxRenderBytes', where, `the render holds ${formatBytes(this.bytes)} of manifests so far`,
        formatBytes(this.limits.maxRenderBytes), 'split the application into smaller ones');
    }
  }

  addObjects(count: number, where: string): void {
    this.objects += count;
    if (this.objects > this.limits.maxObjects) {
      throw limitError('maxObjects', where, `the render produces ${this.objects} objects so far`, `${this.limits.maxObjects} objects`,
        'split the application into smaller ones');
    }
  }
}
