import { SluiceError } from '../errors.js';

/**
 * An application path could not be rendered; the message starts with the file or path at fault. Permanent unless
 * said otherwise (a remote file's server failing): the same commit and spec fail the same way again, so the error
 * is recorded on the app at once and never retried.
 */
export class RenderError extends SluiceError {
  override name = 'RenderError';
}

/**
 * A render went over one of its bounds (bytes, objects, aliases, nesting, tool time or output). Permanent like every
 * RenderError; `limit` names the bound and `setting` the environment variable that changes it.
 */
export class RenderLimitError extends RenderError {
  override name = 'RenderLimitError';

  constructor(message: string, readonly limit: string, readonly setting: string) {
    super(message);
  }
}
