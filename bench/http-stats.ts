import { subscribe } from 'node:diagnostics_channel';
import type { ClientRequest, IncomingMessage } from 'node:http';

interface Tally { requests: number; totalMs: number; maxMs: number }

/**
 * Every HTTP request this process makes (AWS SDK, Kubernetes client, git), by port, with the time to the end of
 * its response: where a benchmark's time goes. Named by the caller's map of ports to services.
 */
export function httpStats(names: () => Record<string, string>) {
  const started = new WeakMap<ClientRequest, number>();
  const tallies = new Map<string, Tally>();
  const operations = new Map<string, number>();
  subscribe('http.client.request.start', (message) => started.set((message as { request: ClientRequest }).request, performance.now()));
  subscribe('http.client.response.finish', (message) => {
    const { request } = message as { request: ClientRequest; response: IncomingMessage };
    const since = started.get(request);
    if (since === undefined) return;
    const port = String((request as unknown as { socket?: { remotePort?: number } }).socket?.remotePort ?? request.host);
    const service = names()[port] ?? `port ${port}`;
    // AWS JSON protocols name the operation in a header (DynamoDB_20120810.GetItem, AmazonSQS.SendMessageBatch): count each.
    // S3 is REST: counted by method.
    const target = request.getHeader('x-amz-target') ?? (request.getHeader('x-amz-content-sha256') ? `S3.${request.method}` : undefined);
    if (typeof target === 'string') operations.set(target, (operations.get(target) ?? 0) + 1);
    const tally = tallies.get(service) ?? { requests: 0, totalMs: 0, maxMs: 0 };
    const ms = performance.now() - since;
    tallies.set(service, { requests: tally.requests + 1, totalMs: tally.totalMs + ms, maxMs: Math.max(tally.maxMs, ms) });
  });
  /** Per service since the last call: requests, mean and max ms, and AWS calls per operation; then starts counting again. */
  return function take(): Record<string, { requests: number; meanMs: number; maxMs: number } | Record<string, number>> {
    const out = Object.fromEntries([...tallies].map(([service, t]) => [service, { requests: t.requests, meanMs: Math.round(t.totalMs / t.requests), maxMs: Math.round(t.maxMs) }]));
    const awsOperations = Object.fromEntries([...operations].sort(([, a], [, b]) => b - a).map(([target, count]) => [target.replace(/^.*\./, ''), count]));
    tallies.clear();
    operations.clear();
    return { ...out, ...(Object.keys(awsOperations).length ? { awsOperations } : {}) };
  };
}
