/**
 * What Refresh User Data learns about a user from Okta (profile, status, last sign-in, enrolled factors), kept per
 * user in the activity table beside their days (sort key PROFILE), so findings and notifications can name the user
 * the way people know them.
 */
import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Finding } from '../detections/types';
import { personLabel, type OktaUserProfile } from '../okta/api';

/** The activity table's sort key of a user's profile item (their days are YYYY-MM-DD). */
export const PROFILE_SK = 'PROFILE';

export type StoredProfile = OktaUserProfile & { readonly fetchedAt: string };

export async function putUserProfile(ddb: DynamoDBDocumentClient, table: string, profile: StoredProfile, ttl: number): Promise<void> {
  await ddb.send(new PutCommand({ TableName: table, Item: { ...profile, user: profile.id, day: PROFILE_SK, ttl } }));
}

/** A finding about a user, named from their profile when one is known: `Ann Lee (ann.lee@acme.example, ACTIVE)`. */
export function named<F extends Finding>(f: F, profile: Pick<OktaUserProfile, 'id' | 'displayName' | 'login' | 'status'> | undefined): F {
  if (!profile || f.subject.type !== 'user' || f.subject.id !== profile.id) return f;
  return { ...f, subject: { ...f.subject, display: personLabel(profile) } };
}
