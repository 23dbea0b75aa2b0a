import { SluiceError } from '../errors.js';

/** A template that cannot be rendered with a parameter set: permanent, reported on the ApplicationSet. */
export class TemplateError extends SluiceError {
  override name = 'TemplateError';
}

/** A generator that cannot produce its parameter sets (a bad list element, an unreadable file…): permanent. */
export class GeneratorError extends SluiceError {
  override name = 'GeneratorError';
}
