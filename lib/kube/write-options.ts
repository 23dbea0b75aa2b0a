import type { FieldValidation } from './apply.js';

/** How a whole object is written by POST (create) or PUT (replace). */
export interface WriteOptions {
  fieldManager: string;
  dryRun: boolean;
  /** Namespace for namespaced objects that name none. */
  namespace?: string;
  fieldValidation: FieldValidation;
}

export function defaultWriteOptions(overrides: Partial<WriteOptions> = {}): WriteOptions {
  return { fieldManager: 'sluice', dryRun: false, fieldValidation: 'Strict', ...overrides };
}
