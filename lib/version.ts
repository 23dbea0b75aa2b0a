/** Sluice's version, reported by the status API and the CLI. */
export const version = '0.1.0';
