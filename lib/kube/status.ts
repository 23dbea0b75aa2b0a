/** One entry of a Kubernetes `Status`'s `details.causes`. */
export interface StatusCause {
  /** Machine reason, e.g. `FieldValueInvalid`, `FieldManagerConflict`. */
  reason?: string;
  message: string;
  /** Dotted path of the offending field, e.g. `spec.selector`. */
  field?: string;
}

/** The parts of a Kubernetes `Status` (metav1.Status) a client acts on. */
export interface KubeStatus {
  code: number;
  /** `NotFound`, `Forbidden`, `Invalid`, `Conflict`, …; `''` when the body was not a Status. */
  reason: string;
  message: string;
  causes: StatusCause[];
  details?: {
    name?: string;
    group?: string;
    kind?: string;
    retryAfterSeconds?: number;
  };
}

const maxPlainText = 300;

/**
 * Reads an error response body. Kubernetes answers with a `Status` object; proxies and load balancers
 * in front of it may answer with plain text or HTML, which is kept (shortened) as the message.
 */
export function parseStatus(code: number, body: string): KubeStatus {
  const parsed = parseJson(body);
  if (isRecord(parsed) && parsed.kind === 'Status') {
    const details = isRecord(parsed.details) ? parsed.details : undefined;
    return {
      code: typeof parsed.code === 'number' ? parsed.code : code,
      reason: stringOr(parsed.reason, ''),
      message: stringOr(parsed.message, ''),
      causes: Array.isArray(details?.causes) ? details.causes.filter(isRecord).map(toCause) : [],
      details: details && {
        name: optionalString(details.name),
        group: optionalString(details.group),
        kind: optionalString(details.kind),
        retryAfterSeconds: typeof details.retryAfterSeconds === 'number' ? details.retryAfterSeconds : undefined,
      },
    };
  }
  const text = body.trim().replace(/\s+/g, ' ');
  return {
    code,
    reason: '',
    message: text.length > maxPlainText ? `${text.slice(0, maxPlainText)}…` : text,
    causes: [],
  };
}

function toCause(raw: Record<string, unknown>): StatusCause {
  return { reason: optionalString(raw.reason), message: stringOr(raw.message, ''), field: optionalString(raw.field) };
}

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringOr(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value : fallback;
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
