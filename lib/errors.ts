/** Base of every error Sluice raises on purpose; its message is meant for the user. Each folder's own errors extend it. */
export class SluiceError extends Error {
  override name = 'SluiceError';
}
