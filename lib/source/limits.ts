import { CheckoutProblem } from './errors.js';
import type { CheckoutLimits } from './types.js';

export function defaultCheckoutLimits(): CheckoutLimits {
  return { maxBytes: 512 * 1024 * 1024, maxFiles: 100_000 };
}

const mebibytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MiB`;

/** Counts files and bytes as a checkout is written and stops it as soon as a limit is crossed. */
export class CheckoutBudget {
  private files = 0;
  private bytes = 0;

  constructor(readonly limits: CheckoutLimits) {}

  add(path: string, bytes: number): void {
    this.files += 1;
    this.bytes += bytes;
    if (this.files > this.limits.maxFiles) {
      throw new CheckoutProblem(`the checkout has more than ${this.limits.maxFiles} files (at ${path}); ` +
        'raise the file-count limit or move the manifests to a smaller repository');
    }
    if (this.bytes > this.limits.maxBytes) {
      throw new CheckoutProblem(`the checkout is larger than ${mebibytes(this.limits.maxBytes)} (at ${path}); ` +
        'raise the size limit or move the manifests to a smaller repository');
    }
  }
}
