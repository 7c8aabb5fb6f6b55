/**
 * The tenant's Okta API, locally: a small HTTP server that answers the read-only calls Refresh User Data makes the
 * way Okta does, so the real client (src/okta/api.ts, Okta's SDK) runs against real HTTP:
 *
 * - `GET /api/v1/logs?since&until&filter&sortOrder&limit&after`: the org's System Log, filtered on `actor.id eq "…"`
 *   and `target.id eq "…"` joined by `or`, oldest first, paged with `Link: <…>; rel="next"` (always present on a
 *   polling request, one without `until`, as Okta does: the client stops at an empty page);
 * - `GET /api/v1/users/{id or login}` and `GET /api/v1/users/{id}/factors`;
 * - `Authorization: SSWS <token>`: an unknown or expired token gets Okta's 401 (E0000011);
 * - rate limits: {@link LocalOktaApi.rateLimit} makes the next requests answer 429 (E0000047) with
 *   `X-Rate-Limit-Reset`, the epoch second the limit resets.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { OktaLogEvent } from '../src/okta/log-event';
import type { OktaUserProfile } from '../src/okta/api';

export interface LocalOktaApiOptions {
  /** The token the org accepts. */
  readonly token: string;
  /** Events a page holds at most, whatever `limit` asks (small in tests, to exercise pagination). @default 1000 */
  readonly pageSize?: number;
}

/** An Okta user as the Users API returns it, with its factors. */
export type LocalOktaUser = OktaUserProfile & { readonly firstName?: string; readonly lastName?: string };

export class LocalOktaApi {
  private server?: Server;
  private readonly events: OktaLogEvent[] = [];
  private readonly users = new Map<string, LocalOktaUser>();
  private token: string;
  private limitedRequests = 0;
  /** Every request, in order: method and path with its query. */
  readonly requests: string[] = [];

  private constructor(private readonly options: LocalOktaApiOptions) {
    this.token = options.token;
  }

  static async start(options: LocalOktaApiOptions): Promise<LocalOktaApi> {
    const api = new LocalOktaApi(options);
    api.server = createServer((req, res) => api.handle(req, res));
    await new Promise<void>((resolve) => api.server!.listen(0, '127.0.0.1', resolve));
    return api;
  }

  /** The org URL to give the client. */
  get url(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Add events to the org's System Log. */
  addEvents(events: Iterable<OktaLogEvent>): void {
    for (const e of events) this.events.push(e);
    this.events.sort((a, b) => a.published.localeCompare(b.published) || a.uuid.localeCompare(b.uuid));
  }

  addUser(user: LocalOktaUser): void {
    this.users.set(user.id, user);
  }

  /** The token expires (or is revoked): every request with it now gets a 401. */
  expireToken(): void {
    this.token = `expired-${randomUUID()}`;
  }

  /** The next `requests` requests are over Okta's rate limit: 429 with X-Rate-Limit-Reset. */
  rateLimit(requests: number): void {
    this.limitedRequests = requests;
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', this.url);
    this.requests.push(`${req.method} ${url.pathname}${url.search}`);
    if (req.headers.authorization !== `SSWS ${this.token}`) {
      return error(res, 401, { errorCode: 'E0000011', errorSummary: 'Invalid token provided' });
    }
    if (this.limitedRequests > 0) {
      this.limitedRequests--;
      // The limit resets within the second (Okta's windows are a minute; the stand-in keeps tests quick).
      const reset = Math.floor(Date.now() / 1000);
      return error(res, 429, { errorCode: 'E0000047', errorSummary: 'API call exceeded rate limit due to too many requests.' }, { 'x-rate-limit-limit': '60', 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': String(reset) });
    }
    if (req.method !== 'GET') return error(res, 405, { errorCode: 'E0000022', errorSummary: 'The endpoint does not support the provided HTTP method' });
    const factors = url.pathname.match(/^\/api\/v1\/users\/([^/]+)\/factors$/);
    if (factors) {
      const u = this.users.get(decodeURIComponent(factors[1]));
      if (!u) return notFound(res, factors[1]);
      return json(res, 200, u.factors.map((f, i) => ({ id: `${f.type}-${i}`, factorType: f.type, provider: f.provider, status: f.status, vendorName: f.provider })));
    }
    const user = url.pathname.match(/^\/api\/v1\/users\/([^/]+)$/);
    if (user) {
      const key = decodeURIComponent(user[1]).toLowerCase();
      const u = [...this.users.values()].find((x) => x.id.toLowerCase() === key || x.login.toLowerCase() === key);
      if (!u) return notFound(res, user[1]);
      return json(res, 200, {
        id: u.id,
        status: u.status,
        lastLogin: u.lastLogin ?? null,
        profile: { login: u.login, email: u.email ?? u.login, displayName: u.displayName, firstName: u.firstName ?? null, lastName: u.lastName ?? null },
      });
    }
    if (url.pathname === '/api/v1/logs') return this.logs(url, res);
    return error(res, 404, { errorCode: 'E0000022', errorSummary: `The endpoint does not exist: ${url.pathname}` });
  }

  private logs(url: URL, res: ServerResponse): void {
    const q = url.searchParams;
    const since = q.get('since') ?? new Date(Date.now() - 7 * 86_400_000).toISOString();
    const until = q.get('until');
    const ids = [...(q.get('filter') ?? '').matchAll(/(actor|target)\.id eq "([^"]+)"/g)].map((m) => ({ on: m[1], id: m[2] }));
    const matches = (e: OktaLogEvent) =>
      ids.length === 0 || ids.some(({ on, id }) => (on === 'actor' ? e.actor?.id === id : (e.target ?? []).some((t) => t?.id === id)));
    const selected = this.events.filter((e) => e.published >= since && (!until || e.published < until) && matches(e));
    if (q.get('sortOrder') === 'DESCENDING') selected.reverse();
    const after = Number(q.get('after') ?? 0);
    const size = Math.min(Number(q.get('limit') ?? 100), this.options.pageSize ?? 1000);
    const page = selected.slice(after, after + size);
    const next = new URL(url);
    next.searchParams.set('after', String(after + page.length));
    const links = [`<${url.href}>; rel="self"`];
    // A polling request (no `until`) always has a next link; a bounded one only while events remain.
    if (!until || after + page.length < selected.length) links.push(`<${next.href}>; rel="next"`);
    json(res, 200, page, { link: links.join(', ') });
  }
}

/** Okta's factor types, from the factor names the System Log writes in debugData.factor. */
const FACTOR_TYPES: Readonly<Record<string, string>> = { OKTA_VERIFY_PUSH: 'push', OKTA_VERIFY: 'token:software:totp', SMS: 'sms', EMAIL: 'email', WEBAUTHN: 'webauthn', FIDO2: 'webauthn' };

/**
 * The users a System Log shows, as the stand-in's directory: every User actor or target, by its id, login and
 * display name; ACTIVE; last sign-in their last successful `user.session.start`; factors the ones they verified with.
 */
export function usersFromLog(events: Iterable<OktaLogEvent>): LocalOktaUser[] {
  const users = new Map<string, { id: string; login: string; displayName: string; lastLogin?: string; factors: Set<string> }>();
  for (const e of events) {
    for (const p of [e.actor, ...(e.target ?? [])]) {
      if (!p || p.type !== 'User' || !p.id || p.id === 'unknown' || !p.alternateId || p.alternateId === 'unknown') continue;
      if (!users.has(p.id)) users.set(p.id, { id: p.id, login: p.alternateId, displayName: p.displayName ?? p.alternateId, factors: new Set() });
    }
    const actor = e.actor?.id ? users.get(e.actor.id) : undefined;
    if (!actor || e.outcome?.result !== 'SUCCESS') continue;
    if (e.eventType === 'user.session.start' && (!actor.lastLogin || e.published > actor.lastLogin)) actor.lastLogin = e.published;
    const factor = e.debugContext?.debugData?.factor;
    if (typeof factor === 'string' && FACTOR_TYPES[factor]) actor.factors.add(FACTOR_TYPES[factor]);
  }
  return [...users.values()].map((u) => ({ ...u, status: 'ACTIVE', factors: [...u.factors].sort().map((type) => ({ type, provider: 'OKTA', status: 'ACTIVE' })) }));
}

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

function error(res: ServerResponse, status: number, e: { errorCode: string; errorSummary: string }, headers: Record<string, string> = {}): void {
  json(res, status, { ...e, errorLink: e.errorCode, errorId: `oae${randomUUID().replace(/-/g, '').slice(0, 19)}`, errorCauses: [] }, headers);
}

function notFound(res: ServerResponse, what: string): void {
  error(res, 404, { errorCode: 'E0000007', errorSummary: `Not found: Resource not found: ${decodeURIComponent(what)} (User)` });
}
