import { SluiceError } from '../errors.js';
import { issueText } from './spec-issues.js';
import type { SpecIssue } from './types.js';

/** An invalid Application, AppProject or cluster spec: one message per problem, each naming file and field. */
export class SpecError extends SluiceError {
  override name = 'SpecError';
  constructor(readonly issues: SpecIssue[]) {
    super(issues.map(issueText).join('\n'));
  }
}
