/**
 * The tenant's Okta API, read-only, through Okta's own SDK (`@okta/okta-sdk-nodejs`): the SDK sends the token
 * (`SSWS`), follows `Link: <...>; rel="next"` pagination (its Collection) and waits out a 429 until
 * `X-Rate-Limit-Reset` (its DefaultRequestExecutor), and it takes any org URL, so the local stand-in
 * (local/okta-api.ts) is reached over real HTTP with the same code.
 *
 * The System Log is read as Okta sends it, not through the SDK's LogEvent model: that model drops every field it
 * does not know, and the store keeps each event as Okta published it (the streamed copy and the fetched one must be
 * the same event). Users and factors are read through the SDK's models.
 */
import { Client, Collection, DefaultRequestExecutor, OktaApiError } from '@okta/okta-sdk-nodejs';
import type { OktaLogEvent } from './log-event';

/** What Vigil keeps of an Okta user: who people know them as, their state, and how they sign in. */
export interface OktaUserProfile {
  readonly id: string;
  readonly login: string;
  /** `profile.displayName`, else first and last name, else the login. */
  readonly displayName: string;
  readonly email?: string;
  /** ACTIVE, SUSPENDED, LOCKED_OUT, PASSWORD_EXPIRED, DEPROVISIONED... */
  readonly status: string;
  readonly lastLogin?: string;
  readonly factors: readonly { readonly type: string; readonly provider: string; readonly status: string }[];
}

/** The user as people know them: `Ann Lee (ann.lee@acme.example, ACTIVE)`. */
export function personLabel(p: Pick<OktaUserProfile, 'displayName' | 'login' | 'status'>): string {
  return p.displayName && p.displayName !== p.login ? `${p.displayName} (${p.login}, ${p.status})` : `${p.login} (${p.status})`;
}

/** Okta refused the token (401: invalid, expired or revoked; 403: not allowed to read this). */
export class OktaTokenError extends Error {
  constructor(
    readonly orgUrl: string,
    readonly status: number,
    readonly errorCode: string,
    summary: string,
  ) {
    super(`Okta ${orgUrl} refused the API token (${status} ${errorCode}: ${summary})`);
    this.name = 'OktaTokenError';
  }
}

export interface OktaApiOptions {
  /** `https://<org domain>` (or the local stand-in's URL). */
  readonly orgUrl: string;
  readonly token: string;
  /** Times a request is retried after a 429, each after Okta's X-Rate-Limit-Reset. @default 4 */
  readonly maxRetries?: number;
}

/** The System Log API returns at most this many events a page. */
const PAGE_SIZE = 1000;

export class OktaApi {
  private readonly client: Client;
  readonly orgUrl: string;

  constructor(options: OktaApiOptions) {
    this.orgUrl = options.orgUrl.replace(/\/$/, '');
    this.client = new Client({
      orgUrl: this.orgUrl,
      token: options.token,
      // No response cache: a refresh must see the user as Okta has them now, also in a warm Lambda container.
      cacheMiddleware: null,
      requestExecutor: new DefaultRequestExecutor({ maxRetries: options.maxRetries ?? 4, requestTimeout: 0 }),
    } as ConstructorParameters<typeof Client>[0]);
  }

  /**
   * The System Log events a user took part in (as actor or as a target), published from `since` up to `until`
   * (ISO), oldest first, page after page (`Link: rel="next"`, until a page comes back empty).
   */
  async *userEvents(userId: string, since: string, until: string): AsyncGenerator<OktaLogEvent> {
    const query = new URLSearchParams({ since, until, filter: `actor.id eq "${userId}" or target.id eq "${userId}"`, sortOrder: 'ASCENDING', limit: String(PAGE_SIZE) });
    // No model factory: each item is the JSON Okta sent.
    const pages = new Collection(this.client.http, `${this.orgUrl}/api/v1/logs?${query}`, {} as ConstructorParameters<typeof Collection>[2]) as unknown as AsyncIterable<OktaLogEvent>;
    yield* this.checked(pages);
  }

  /** A user by id or login, with their enrolled factors. */
  async user(idOrLogin: string): Promise<OktaUserProfile> {
    const u = await this.call(() => this.client.userApi.getUser({ userId: idOrLogin }));
    const id = u.id!;
    const factors: OktaUserProfile['factors'][number][] = [];
    for await (const f of this.checked((await this.call(() => this.client.userFactorApi.listFactors({ userId: id }))) as AsyncIterable<{ factorType?: string; provider?: string; status?: string }>)) {
      factors.push({ type: String(f.factorType ?? 'unknown'), provider: String(f.provider ?? 'unknown'), status: String(f.status ?? 'unknown') });
    }
    const profile = (u.profile ?? {}) as { login?: string; displayName?: string; firstName?: string; lastName?: string; email?: string };
    const login = profile.login ?? id;
    const name = profile.displayName ?? ([profile.firstName, profile.lastName].filter(Boolean).join(' ') || login);
    return { id, login, displayName: name, email: profile.email, status: String(u.status ?? 'UNKNOWN'), lastLogin: u.lastLogin ? new Date(u.lastLogin).toISOString() : undefined, factors };
  }

  private async *checked<T>(items: AsyncIterable<T>): AsyncGenerator<T> {
    const it = items[Symbol.asyncIterator]();
    for (;;) {
      const n = await this.call(() => it.next());
      // The SDK's Collection ends with a null value.
      if (n.done || n.value === null) return;
      yield n.value;
    }
  }

  private async call<T>(request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (err) {
      if (err instanceof OktaApiError && (err.status === 401 || err.status === 403)) throw new OktaTokenError(this.orgUrl, err.status, String(err.errorCode), err.errorSummary);
      throw err;
    }
  }
}
