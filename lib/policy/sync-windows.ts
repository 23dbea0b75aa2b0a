import { CronExpressionParser } from 'cron-parser';
import { parseDuration, type Application, type AppProject, type SyncWindow } from '../model/index.js';
import { patternMatches } from './glob.js';
import type { ClusterRef, SyncWindowState } from './types.js';

type WindowedApp = Pick<Application, 'name' | 'destination'>;

/**
 * Whether `app` may sync at `now` under its project's sync windows, with Argo CD's rules: no matching
 * window allows everything; an active deny window blocks (deny wins over allow); if allow windows match,
 * one must be active. `manualSync: true` on every blocking window lets a manual sync through.
 */
export function syncWindowState(project: AppProject, app: WindowedApp, cluster: ClusterRef, now: Date, manual: boolean): SyncWindowState {
  const windows = project.syncWindows.filter((window) => windowApplies(window, app, cluster));
  const activeDenies = windows.filter((window) => window.kind === 'deny' && isWindowActive(window, now));
  if (activeDenies.length > 0) {
    const latest = activeDenies.reduce((a, b) => (windowEnd(a, now) >= windowEnd(b, now) ? a : b));
    if (manual && activeDenies.every((window) => window.manualSync)) {
      return { allowed: true, reason: `manual sync permitted during ${describeWindow(latest)} (manualSync: true)` };
    }
    return { allowed: false, reason: `blocked by ${describeWindow(latest)} until ${windowEnd(latest, now).toISOString()}` };
  }
  const allows = windows.filter((window) => window.kind === 'allow');
  if (allows.length === 0 || allows.some((window) => isWindowActive(window, now))) return { allowed: true };
  if (manual && allows.every((window) => window.manualSync)) {
    return { allowed: true, reason: 'manual sync permitted outside allow windows (manualSync: true)' };
  }
  const next = Math.min(...allows.map((window) => nextStart(window, now).getTime()));
  return { allowed: false, reason: `no allow window is open; the next opens at ${new Date(next).toISOString()}` };
}

/** Selectors are OR-ed, or AND-ed with `andOperator` (empty selectors are then skipped). */
export function windowApplies(window: SyncWindow, app: WindowedApp, cluster: ClusterRef): boolean {
  const namespace = app.destination.namespace ?? '';
  const results = [
    window.applications.length > 0 ? window.applications.some((pattern) => patternMatches(pattern, app.name)) : undefined,
    window.clusters.length > 0 ? window.clusters.some((pattern) => patternMatches(pattern, cluster.name) || patternMatches(pattern, cluster.server)) : undefined,
    window.namespaces.length > 0 ? window.namespaces.some((pattern) => patternMatches(pattern, namespace)) : undefined,
  ].filter((result) => result !== undefined);
  return window.andOperator ? results.length > 0 && results.every(Boolean) : results.some(Boolean);
}

/** Active from each schedule firing (in the window's time zone, UTC by default) for `duration`. */
export function isWindowActive(window: SyncWindow, now: Date): boolean {
  return lastStart(window, now).getTime() <= now.getTime() && now < windowEnd(window, now);
}

function lastStart(window: SyncWindow, now: Date): Date {
  // prev() is strictly before currentDate; one millisecond on makes a firing at exactly `now` count.
  return schedule(window, new Date(now.getTime() + 1)).prev().toDate();
}

function nextStart(window: SyncWindow, now: Date): Date {
  return schedule(window, now).next().toDate();
}

function windowEnd(window: SyncWindow, now: Date): Date {
  return new Date(lastStart(window, now).getTime() + (parseDuration(window.duration) ?? 0));
}

function schedule(window: SyncWindow, currentDate: Date) {
  return CronExpressionParser.parse(window.schedule, { currentDate, tz: window.timeZone || 'UTC' });
}

function describeWindow(window: SyncWindow): string {
  return `${window.kind} window "${window.schedule}" (${window.duration}, ${window.timeZone || 'UTC'})`;
}
