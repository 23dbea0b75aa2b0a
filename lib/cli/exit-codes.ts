/**
 * Exit codes, as `argocd app diff` and `diff(1)` use them: 1 means "a difference" (or an operation that
 * finished unsuccessfully), 2 means trouble. A wait that ran out of time has its own code.
 */
export const ExitCode = {
  ok: 0,
  /** `app diff` found a difference. */
  different: 1,
  /** A sync or rollback finished Failed or Error. */
  operationFailed: 1,
  /** Any error, usage errors included: unknown app, unreachable server, bad flags. */
  error: 2,
  /** `--timeout` passed before the app reached the state waited for. */
  timeout: 3,
} as const;
