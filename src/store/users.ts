/**
 * What Refresh User Data learns about a user from Okta (profile, status, last sign-in, enrolled factors), kept per
 * user in the activity table beside their days (sort key PROFILE), so findings and notifications can name the user
 * the way people know them.
 */
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Finding } from '../detections/types';
import { personLabel, type OktaUserProfile } from '../okta/api';

/** The activity table's sort key of a user's profile item (their days are YYYY-MM-DD). */
export const PROFILE_SK = 'PROFILE';

export type StoredProfile = OktaUserProfile & { readonly fetchedAt: string };

export async function putUserProfile(ddb: DynamoDBDocumentClient, table: string, profile: StoredProfile, ttl: number): Promise<void> {
  await ddb.send(new PutCommand({ TableName: table, Item: { ...profile, user: profile.id, day: PROFILE_SK, ttl } }));
}

export async function userProfile(ddb: DynamoDBDocumentClient, table: string, userId: string): Promise<StoredProfile | undefined> {
  const res = await ddb.send(new GetCommand({ TableName: table, Key: { user: userId, day: PROFILE_SK } }));
  if (!res.Item) return undefined;
  const { user: _user, day: _day, ttl: _ttl, ...profile } = res.Item;
  return profile as StoredProfile;
}

/** A finding about a user, named from their profile when one is known: `Ann Lee (ann.lee@acme.example, ACTIVE)`. */
export function named<F extends Finding>(f: F, profile: Pick<OktaUserProfile, 'id' | 'displayName' | 'login' | 'status'> | undefined): F {
  if (!profile || f.subject.type !== 'user' || f.subject.id !== profile.id) return f;
  return { ...f, subject: { ...f.subject, display: personLabel(profile) } };
}

/** The finding named from the stored profile of its user, if Refresh User Data has stored one. */
export async function namedFromStore<F extends Finding>(ddb: DynamoDBDocumentClient, table: string, f: F): Promise<F> {
  return f.subject.type === 'user' ? named(f, await userProfile(ddb, table, f.subject.id)) : f;
}
