// The API's callers are systems holding a token an administrator issued, not signed-in people:
// which token (and so which authority) a request comes with, and its audit event. The API routes
// reach the database only through here.
import { useApiToken } from '../repositories/settings.ts';
import type { Db } from './actor.ts';
import { auditAttempt } from './audited-change.ts';
import { hashToken } from './settings-service.ts';

export interface ApiClient {
  tokenId: string;
  tokenName: string;
  authorityId: string;
}

/** The client a bearer token names, when it is issued, unexpired and not revoked (its last use is recorded). */
export async function apiClientFor(db: Db, token: string): Promise<ApiClient | undefined> {
  const found = await useApiToken(db, hashToken(token));
  return found ? { tokenId: found.id, tokenName: found.name, authorityId: found.authorityId } : undefined;
}

/** An API request in the audit log: who called (the token, or nobody known), what, and the outcome. */
export async function auditApiRequest(
  db: Db,
  client: ApiClient | undefined,
  request: { ip: string; id: string },
  action: string,
  outcome: 'ok' | 'refused',
  details: Record<string, unknown> = {},
): Promise<void> {
  await auditAttempt(
    db,
    { authorityId: client?.authorityId ?? null, userId: null, ip: request.ip, requestId: request.id },
    {
      action,
      entityType: 'api_token',
      entityId: client?.tokenId ?? '',
      details: { ...details, ...(client ? { tokenName: client.tokenName } : {}) },
    },
    outcome,
  );
}
