import { ChatopsConfigError } from './errors.js';
import { parseSlackRoles } from './roles.js';
import type { SlackRoles } from './types.js';

export interface ChatopsConfig {
  stage: string;
  /** SLACK_USER_ROLES, parsed when first needed (after a request is verified). */
  roles: () => SlackRoles;
  responseUrlOrigins: string[];
  statusPageUrl?: string;
}

/** Slack's response URLs live here (GovSlack's at hooks.slack-gov.com: list it in SLACK_RESPONSE_URL_ORIGINS). */
export const defaultResponseUrlOrigins = ['https://hooks.slack.com'];

/**
 * Reads STAGE (or SLUICE_STAGE; default dev), SLACK_USER_ROLES (JSON, see roles.ts), SLACK_RESPONSE_URL_ORIGINS
 * (comma-separated origins; default https://hooks.slack.com) and STATUS_PAGE_URL.
 */
export function chatopsConfigFromEnv(env: Record<string, string | undefined>): ChatopsConfig {
  let roles: SlackRoles | undefined;
  const origins = (env.SLACK_RESPONSE_URL_ORIGINS ?? '').split(',').map((origin) => origin.trim()).filter(Boolean).map(originOf);
  const statusPageUrl = env.STATUS_PAGE_URL?.trim();
  return {
    stage: (env.STAGE || env.SLUICE_STAGE || 'dev').trim(),
    roles: () => (roles ??= parseSlackRoles(env.SLACK_USER_ROLES)),
    responseUrlOrigins: origins.length ? origins : defaultResponseUrlOrigins,
    ...(statusPageUrl ? { statusPageUrl } : {}),
  };
}

function originOf(value: string): string {
  if (!URL.canParse(value) || !/^https?:$/.test(new URL(value).protocol)) {
    throw new ChatopsConfigError(`SLACK_RESPONSE_URL_ORIGINS: ${JSON.stringify(value.slice(0, 80))} is not an http(s) origin such as https://hooks.slack.com`);
  }
  return new URL(value).origin;
}
