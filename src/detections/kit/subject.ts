/** Subjects of findings. */
import type { Subject } from '../types';

/** Subject for a user party. */
export function userSubject(p: { id: string; alternateId?: string; displayName?: string }): Subject {
  return { type: 'user', id: p.id, display: p.alternateId ?? p.displayName };
}
