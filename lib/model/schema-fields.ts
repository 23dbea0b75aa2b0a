import { posix } from 'node:path';
import { z } from 'zod';
import { parseDuration } from './duration.js';

/** Zod building blocks shared by the Application and AppProject schemas. */

const dnsLabelPattern = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const dnsSubdomainPattern = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

export const nonEmptyString = z.string().min(1, 'must not be empty');

/** A Kubernetes object name (DNS subdomain): how Applications and AppProjects are named. */
export const objectName = z.string()
  .min(1, 'must not be empty')
  .max(253, 'must be at most 253 characters')
  .regex(dnsSubdomainPattern, 'expected a Kubernetes name: lowercase letters, digits, "-" and ".", starting and ending with a letter or digit');

export const namespaceName = z.string()
  .max(63, 'must be at most 63 characters')
  .regex(dnsLabelPattern, 'expected a namespace name: lowercase letters, digits and "-", starting and ending with a letter or digit');

export const stringList = z.array(z.string()).default([]);
export const stringMap = z.record(z.string(), z.string()).default({});

/** A Go duration (`30s`, `5m`, `1h30m`), as Argo CD's fields take them. */
export const goDuration = z.string().refine((text) => parseDuration(text) !== undefined, 'expected a duration such as "30s", "5m" or "1h30m"');

/** An API server URL: http(s), with a host and no credentials inside. */
export const serverUrl = z.string().min(1, 'must not be empty').superRefine((text, ctx) => {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    ctx.addIssue({ code: 'custom', message: 'expected an API server URL such as https://kubernetes.example.com:6443' });
    return;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') ctx.addIssue({ code: 'custom', message: 'expected an https:// (or http://) URL' });
  if (url.username || url.password) ctx.addIssue({ code: 'custom', message: 'must not contain credentials; keep them in the cluster secret' });
});

const scpLike = /^[\w.-]+@[\w.-]+:/;

/** A Git repository URL: https, http, ssh, git, file, or scp-like `git@host:org/repo`; never with a password inside. */
export const repoUrl = z.string().min(1, 'must not be empty').superRefine((text, ctx) => {
  if (/\s/.test(text)) {
    ctx.addIssue({ code: 'custom', message: 'must not contain spaces' });
    return;
  }
  if (scpLike.test(text)) return;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    ctx.addIssue({ code: 'custom', message: 'expected a Git repository URL such as https://github.com/org/repo.git' });
    return;
  }
  if (!['https:', 'http:', 'ssh:', 'git:', 'file:'].includes(url.protocol)) ctx.addIssue({ code: 'custom', message: 'expected an https://, ssh:// or git@host: repository URL' });
  else if (url.password || (url.username && url.protocol.startsWith('http'))) ctx.addIssue({ code: 'custom', message: 'must not contain credentials; configure repository credentials instead' });
});

/** A path inside the repository: relative, never escaping its root. `''` and `./x/` normalise to `.` and `x`. */
export const repoPath = z.string().transform((text, ctx) => {
  const normalised = posix.normalize(text === '' ? '.' : text).replace(/\/+$/, '') || '.';
  if (posix.isAbsolute(normalised) || normalised === '..' || normalised.startsWith('../')) {
    ctx.addIssue({ code: 'custom', message: 'expected a path relative to the repository root that stays inside it' });
    return z.NEVER;
  }
  return normalised;
});
