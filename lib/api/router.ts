// A twenty-line matcher rather than a router package: the route table is ten fixed patterns, the API runs behind
// API Gateway's own routing, and the same table must also drive the OpenAPI check and in-process calls.
import type { ApiDeps, ApiRequest, ApiResponse, Caller } from './types.js';

/** Who may call a route: anyone, any token, or an `operate` token. */
export type Access = 'public' | 'read' | 'operate';

export interface RouteContext {
  request: ApiRequest;
  /** Path parameters by name, percent-decoded. */
  params: Record<string, string>;
  /** Absent on public routes. */
  caller?: Caller;
  deps: ApiDeps;
}

export interface Route {
  method: 'GET' | 'POST';
  /** `/apps/{name}/history/{id}`: a `{param}` matches one non-empty path segment. */
  pattern: string;
  access: Access;
  handle: (context: RouteContext) => Promise<ApiResponse>;
}

export type RouteMatch =
  | { kind: 'found'; route: Route; params: Record<string, string> }
  /** The path exists, not with this method. */
  | { kind: 'method'; allow: string[] }
  | { kind: 'none' };

/** Finds the route for a method and path; a trailing slash is ignored. */
export function matchRoute(routes: readonly Route[], method: string, path: string): RouteMatch {
  const segments = splitPath(path);
  if (!segments) return { kind: 'none' };
  const matching = routes.flatMap((route) => {
    const params = matchSegments(route.pattern, segments);
    return params ? [{ route, params }] : [];
  });
  const found = matching.find(({ route }) => route.method === method.toUpperCase());
  if (found) return { kind: 'found', ...found };
  if (matching.length > 0) return { kind: 'method', allow: [...new Set(matching.map(({ route }) => route.method))] };
  return { kind: 'none' };
}

function splitPath(path: string): string[] | undefined {
  try {
    const trimmed = path.replace(/^\/+/, '').replace(/\/+$/, '');
    return trimmed === '' ? [] : trimmed.split('/').map((segment) => decodeURIComponent(segment));
  } catch {
    return undefined; // malformed percent-encoding names no route
  }
}

function matchSegments(pattern: string, segments: string[]): Record<string, string> | undefined {
  const parts = pattern.split('/').filter((part) => part !== '');
  if (parts.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, part] of parts.entries()) {
    const segment = segments[index] ?? '';
    const name = /^\{(\w+)\}$/.exec(part)?.[1];
    if (name && segment !== '') params[name] = segment;
    else if (part !== segment) return undefined;
  }
  return params;
}
