/**
 * One user's day of activity (the Activity table's item) and how it is added up: from events in time order,
 * or from hours' parts in hour order (what Detect stores as it reads an hour), with the same result.
 */
import { subjectUser, type OktaEvent } from '../okta/event';

const MAX_DISTINCT = 50;

/** One user's day. Distinct lists are capped so an item stays small whatever the user did. */
export interface ActivitySummary {
  user: string;
  day: string;
  login?: string;
  events: number;
  firstSeen: string;
  lastSeen: string;
  eventTypes: Record<string, number>;
  outcomes: Record<string, number>;
  ips: string[];
  countries: string[];
  userAgents: number;
  signIns: number;
  failedSignIns: number;
}

/**
 * One user's part of an hour's Activity, as Detect stores it (src/store/activity-parts.ts): the summary and its
 * distinct user agents, so that the hours' parts add up to exactly the day that adding its events gives.
 */
export type ActivityPart = ActivitySummary & { agents: string[] };

/** The values of `more` that `list` lacks, in their order, while it holds fewer than MAX_DISTINCT (as adding events one by one does). */
function addDistinct(list: string[], more: readonly string[]): void {
  for (const v of more) if (list.length < MAX_DISTINCT && !list.includes(v)) list.push(v);
}

const addCounts = (into: Record<string, number>, from: Record<string, number>) => {
  for (const [k, n] of Object.entries(from)) into[k] = (into[k] ?? 0) + n;
};

export class ActivityAggregator {
  private readonly users = new Map<string, ActivitySummary & { agents: Set<string> }>();

  constructor(private readonly day: string) {}

  add(e: OktaEvent): void {
    const who = subjectUser(e);
    if (!who) return;
    let s = this.users.get(who.id);
    if (!s) {
      s = { user: who.id, day: this.day, login: who.alternateId, events: 0, firstSeen: e.published, lastSeen: e.published, eventTypes: {}, outcomes: {}, ips: [], countries: [], userAgents: 0, signIns: 0, failedSignIns: 0, agents: new Set() };
      this.users.set(who.id, s);
    }
    s.events++;
    if (e.published < s.firstSeen) s.firstSeen = e.published;
    if (e.published > s.lastSeen) s.lastSeen = e.published;
    s.eventTypes[e.eventType] = (s.eventTypes[e.eventType] ?? 0) + 1;
    if (e.outcome) s.outcomes[e.outcome] = (s.outcomes[e.outcome] ?? 0) + 1;
    if (e.ip && !s.ips.includes(e.ip) && s.ips.length < MAX_DISTINCT) s.ips.push(e.ip);
    if (e.country && !s.countries.includes(e.country) && s.countries.length < MAX_DISTINCT) s.countries.push(e.country);
    if (e.userAgent && s.agents.size < MAX_DISTINCT) s.agents.add(e.userAgent);
    s.userAgents = s.agents.size;
    if (e.eventType === 'user.session.start') {
      if (e.outcome === 'SUCCESS') s.signIns++;
      else if (e.outcome === 'FAILURE') s.failedSignIns++;
    }
  }

  /** Add a user's part of an hour. Hours in order (as events are added in order) give the same day as their events. */
  merge(part: ActivityPart): void {
    const s = this.users.get(part.user);
    if (!s) {
      const { agents, ...summary } = part;
      this.users.set(part.user, { ...summary, day: this.day, eventTypes: { ...part.eventTypes }, outcomes: { ...part.outcomes }, ips: [...part.ips], countries: [...part.countries], agents: new Set(agents) });
      return;
    }
    s.events += part.events;
    if (part.firstSeen < s.firstSeen) s.firstSeen = part.firstSeen;
    if (part.lastSeen > s.lastSeen) s.lastSeen = part.lastSeen;
    addCounts(s.eventTypes, part.eventTypes);
    addCounts(s.outcomes, part.outcomes);
    addDistinct(s.ips, part.ips);
    addDistinct(s.countries, part.countries);
    for (const a of part.agents) if (s.agents.size < MAX_DISTINCT) s.agents.add(a);
    s.userAgents = s.agents.size;
    s.signIns += part.signIns;
    s.failedSignIns += part.failedSignIns;
  }

  summaries(): ActivitySummary[] {
    return [...this.users.values()].map(({ agents: _agents, ...s }) => s);
  }

  /** Each user's part, to be merged into a day later. */
  parts(): ActivityPart[] {
    return [...this.users.values()].map((s) => ({ ...s, agents: [...s.agents] }));
  }
}
