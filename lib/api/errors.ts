import { SluiceError } from '../errors.js';

/** A refusal the caller can act on: an HTTP status, a stable code and a message naming the input first. */
export class ApiError extends SluiceError {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const badRequest = (message: string) => new ApiError(400, 'BadRequest', message);

export const notFound = (message: string) => new ApiError(404, 'NotFound', message);

export const conflict = (message: string) => new ApiError(409, 'Conflict', message);

export const appNotFound = (app: string) => notFound(`app ${app} does not exist; GET /apps lists them`);
