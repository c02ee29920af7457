/**
 * Sortable trajectory ids: 12 hex digits of epoch milliseconds, then 10 random base32
 * characters. Lexicographic order is creation order (to the millisecond), so the primary
 * key index doubles as a time index and ids from parallel writers never collide in practice.
 */
import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

export function newTrajectoryId(now = Date.now()): string {
  const time = Math.max(0, Math.floor(now)).toString(16).padStart(12, '0');
  const bytes = randomBytes(10);
  let rand = '';
  for (const b of bytes) rand += ALPHABET[b & 31];
  return `${time}-${rand}`;
}

