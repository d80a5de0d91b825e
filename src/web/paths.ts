// Typed path builders: the only place URLs are written (controllers, views and tests use these).

export const paths = {
  home: () => '/',
  health: () => '/health',
  signIn: () => '/sign-in',
  signOut: () => '/sign-out',
  keepAlive: () => '/session/keep-alive',
  cases: () => '/cases',
  children: {
    new: () => '/children/new',
    show: (id: string) => `/children/${id}`,
    edit: (id: string) => `/children/${id}/edit`,
    chronology: (id: string) => `/children/${id}/chronology`,
    allocation: (id: string) => `/children/${id}/allocation`,
    grants: (id: string) => `/children/${id}/grants`,
    revokeGrant: (id: string, grantId: string) => `/children/${id}/grants/${grantId}/revoke`,
  },
  incidents: {
    start: () => '/incidents',
    show: (id: string) => `/incidents/${id}`,
    children: (id: string) => `/incidents/${id}/children`,
    child: (id: string, childId: string) => `/incidents/${id}/children/${childId}`,
    removeChild: (id: string, childId: string) => `/incidents/${id}/children/${childId}/remove`,
    newChild: (id: string) => `/children/new?incident=${id}`,
    section: (id: string, slug: string) => `/incidents/${id}/${slug}`,
    check: (id: string) => `/incidents/${id}/check`,
    submit: (id: string) => `/incidents/${id}/submit`,
  },
  admin: {
    users: () => '/admin/users',
    newUser: () => '/admin/users/new',
    user: (id: string) => `/admin/users/${id}`,
    unlock: (id: string) => `/admin/users/${id}/unlock`,
    resetPassword: (id: string) => `/admin/users/${id}/reset-password`,
    teams: () => '/admin/teams',
  },
  audit: () => '/audit',
} as const;

/** Adds query parameters to a path, leaving out empty ones. */
export function withQuery(path: string, params: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `${path}${path.includes('?') ? '&' : '?'}${s}` : path;
}

/** A same-site path to return to after sign-in; anything else falls back home. */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return paths.home();
  return value;
}
