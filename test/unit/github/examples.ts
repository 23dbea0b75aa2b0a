import { createRequire } from 'node:module';
import type { WebhookDefinition } from '@octokit/webhooks-examples';

const definitions = createRequire(import.meta.url)('@octokit/webhooks-examples') as WebhookDefinition[];

/** GitHub's own example payloads for one event, from @octokit/webhooks-examples (deep copies, free to edit). */
export function examplesOf(event: string): Record<string, unknown>[] {
  const found = definitions.find((definition) => definition.name === event);
  if (!found) throw new Error(`${event}: no examples in @octokit/webhooks-examples`);
  return found.examples.map((example) => structuredClone(example) as unknown as Record<string, unknown>);
}

/** Every event name that has examples. */
export const exampleEvents = (): string[] => definitions.map((definition) => definition.name);
