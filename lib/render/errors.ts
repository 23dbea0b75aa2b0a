import { SluiceError } from '../errors.js';

/** An application path could not be rendered; the message starts with the file or path at fault. */
export class RenderError extends SluiceError {
  override name = 'RenderError';
}
