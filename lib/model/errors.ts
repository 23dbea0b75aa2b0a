import { SluiceError } from '../errors.js';
import type { SpecIssue } from './types.js';

/** An invalid Application, AppProject or cluster spec: one message per problem, each naming file and field. */
export class SpecError extends SluiceError {
  override name = 'SpecError';
  constructor(readonly issues: SpecIssue[]) {
    super(issues.map((i) => `${i.file}: ${i.field}: ${i.message}`).join('\n'));
  }
}
