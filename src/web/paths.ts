// Typed path builders: the only place URLs are written (controllers, views and tests use these).

export const paths = {
  home: () => '/',
  /** A case worker's home page: their work due, referrals, meetings, drafts and recent changes. */
  homePage: () => '/home',
  health: () => '/health',
  signIn: () => '/sign-in',
  signOut: () => '/sign-out',
  chooseAuthority: () => '/sign-in/authority',
  changePassword: () => '/account/password',
  keepAlive: () => '/session/keep-alive',
  cases: () => '/cases',
  /** Search the authority's children by name, date of birth, school or identifier. */
  findChild: () => '/find-a-child',
  children: {
    new: () => '/children/new',
    show: (id: string) => `/children/${id}`,
    edit: (id: string) => `/children/${id}/edit`,
    chronology: (id: string) => `/children/${id}/chronology`,
    allocation: (id: string) => `/children/${id}/allocation`,
    close: (id: string) => `/children/${id}/close`,
    reopen: (id: string) => `/children/${id}/reopen`,
    grants: (id: string) => `/children/${id}/grants`,
    revokeGrant: (id: string, grantId: string) => `/children/${id}/grants/${grantId}/revoke`,
    tasks: (id: string) => `/children/${id}/tasks`,
    meetings: (id: string) => `/children/${id}/meetings`,
    assessments: (id: string) => `/children/${id}/assessments`,
    planAssessment: (id: string) => `/children/${id}/assessments/new`,
    referToPanel: (id: string) => `/children/${id}/panel-referrals/new`,
    newExternalDecision: (id: string) => `/children/${id}/external-decisions/new`,
    externalDecisions: (id: string) => `/children/${id}/external-decisions`,
    plans: (id: string) => `/children/${id}/plans`,
    newPlan: (id: string) => `/children/${id}/plans/new`,
    notes: (id: string) => `/children/${id}/notes`,
    newNote: (id: string) => `/children/${id}/notes/new`,
    family: (id: string) => `/children/${id}/family`,
    newFamilyMember: (id: string) => `/children/${id}/family/new`,
    endFamilyMember: (id: string, personId: string) => `/children/${id}/family/${personId}/end`,
    newAlert: (id: string) => `/children/${id}/alerts/new`,
    endAlert: (id: string, alertId: string) => `/children/${id}/alerts/${alertId}/end`,
    documents: (id: string) => `/children/${id}/documents`,
    newDocument: (id: string) => `/children/${id}/documents/new`,
  },
  documents: {
    download: (id: string) => `/documents/${id}/download`,
    remove: (id: string) => `/documents/${id}/remove`,
  },
  notes: {
    show: (id: string) => `/notes/${id}`,
  },
  plans: {
    show: (id: string) => `/plans/${id}`,
    edit: (id: string) => `/plans/${id}/edit`,
    agree: (id: string) => `/plans/${id}/agree`,
    review: (id: string) => `/plans/${id}/review`,
    share: (id: string) => `/plans/${id}/share`,
    end: (id: string) => `/plans/${id}/end`,
    actions: (id: string) => `/plans/${id}/actions`,
    print: (id: string) => `/plans/${id}/print`,
    export: (id: string) => `/plans/${id}/export`,
  },
  meetings: {
    mine: () => '/meetings',
    arrange: (taskId: string) => `/tasks/${taskId}/meeting`,
    show: (id: string) => `/meetings/${id}`,
    minutes: (id: string) => `/meetings/${id}/minutes`,
    attendees: (id: string) => `/meetings/${id}/attendees`,
    outcome: (id: string, childId: string) => `/meetings/${id}/children/${childId}/outcome`,
    approve: (id: string) => `/meetings/${id}/approve`,
    circulate: (id: string) => `/meetings/${id}/circulate`,
    close: (id: string) => `/meetings/${id}/close`,
    reschedule: (id: string) => `/meetings/${id}/reschedule`,
    cancel: (id: string) => `/meetings/${id}/cancel`,
    /** Who is invited, changed until the meeting is held (issue 15). */
    invite: (id: string) => `/meetings/${id}/invitees/new`,
    removeInvitee: (id: string, inviteeId: string) => `/meetings/${id}/invitees/${inviteeId}/remove`,
    editInvitee: (id: string, inviteeId: string) => `/meetings/${id}/invitees/${inviteeId}/edit`,
    print: (id: string) => `/meetings/${id}/print`,
    export: (id: string) => `/meetings/${id}/export`,
    /** One child's part of the record, for sharing with that child's family (issue 15). */
    extract: (id: string, childId: string) => `/meetings/${id}/children/${childId}/extract`,
    /** Correcting approved minutes, and the minutes as they were before a correction (issue 15). */
    correctMinutes: (id: string) => `/meetings/${id}/minutes/correct`,
    minutesVersion: (id: string, version: number) => `/meetings/${id}/minutes/versions/${version}`,
  },
  screening: {
    start: (incidentId: string, childId: string) => `/incidents/${incidentId}/screening/${childId}`,
    show: (id: string) => `/screenings/${id}`,
    decide: (id: string) => `/screenings/${id}/decision`,
    correct: (id: string) => `/screenings/${id}/correct`,
    version: (id: string, version: number) => `/screenings/${id}/versions/${version}`,
  },
  referrals: {
    list: () => '/referrals',
    create: (screeningId: string) => `/screenings/${screeningId}/referrals`,
    /** The referral form, with what the receiving team needs (issue 15). */
    new: (screeningId: string) => `/screenings/${screeningId}/referrals/new`,
    show: (id: string) => `/referrals/${id}`,
    decide: (id: string) => `/referrals/${id}/decision`,
  },
  panel: {
    list: () => '/panel',
    show: (id: string) => `/panel-referrals/${id}`,
    decision: (id: string) => `/panel-referrals/${id}/decision`,
    review: (id: string) => `/panel-referrals/${id}/review`,
    close: (id: string) => `/panel-referrals/${id}/close`,
    letter: (id: string) => `/panel-referrals/${id}/letter`,
  },
  assessments: {
    mine: () => '/assessments',
    show: (id: string) => `/assessments/${id}`,
    stage: (id: string) => `/assessments/${id}/stage`,
    outcome: (id: string) => `/assessments/${id}/outcome`,
    report: (id: string) => `/assessments/${id}/report`,
    print: (id: string) => `/assessments/${id}/print`,
    export: (id: string) => `/assessments/${id}/export`,
    share: (id: string) => `/assessments/${id}/share`,
    complete: (id: string) => `/assessments/${id}/complete`,
  },
  tasks: {
    mine: () => '/tasks',
    show: (id: string) => `/tasks/${id}`,
    complete: (id: string) => `/tasks/${id}/complete`,
    assign: (id: string) => `/tasks/${id}/assign`,
    assignTo: (id: string) => `/tasks/${id}/assign-to`,
  },
  procedures: {
    list: () => '/procedures',
    show: (id: string) => `/procedures/${id}`,
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
    correct: (id: string, slug: string) => `/incidents/${id}/correct/${slug}`,
    correctChildren: (id: string) => `/incidents/${id}/correct/children`,
    correctChild: (id: string, childId: string) => `/incidents/${id}/correct/children/${childId}`,
    version: (id: string, version: number) => `/incidents/${id}/versions/${version}`,
  },
  admin: {
    users: () => '/admin/users',
    newUser: () => '/admin/users/new',
    user: (id: string) => `/admin/users/${id}`,
    unlock: (id: string) => `/admin/users/${id}/unlock`,
    resetPassword: (id: string) => `/admin/users/${id}/reset-password`,
    approveRoles: (id: string, requestId: string) => `/admin/users/${id}/role-changes/${requestId}/approve`,
    rejectRoles: (id: string, requestId: string) => `/admin/users/${id}/role-changes/${requestId}/reject`,
    teams: () => '/admin/teams',
    workingDays: () => '/admin/working-days',
    holidays: () => '/admin/working-days/holidays',
    removeHoliday: (date: string) => `/admin/working-days/holidays/${date}/remove`,
    inactivity: () => '/admin/working-days/inactivity',
    apiTokens: () => '/admin/api-tokens',
    revokeApiToken: (id: string) => `/admin/api-tokens/${id}/revoke`,
  },
  api: {
    openapi: () => '/api/v1/openapi.json',
    procedures: () => '/api/v1/procedures',
    procedure: (id: string) => `/api/v1/procedures/${id}`,
    evaluate: () => '/api/v1/evaluate',
    bankHolidays: () => '/api/v1/bank-holidays',
  },
  audit: () => '/audit',
  whoCanDoWhat: () => '/who-can-do-what',
} as const;

/** Adds query parameters to a path, leaving out empty ones. */
export function withQuery(path: string, params: Record<string, string | number | undefined | null>): string {
  const searchParams = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== null && value !== '') searchParams.set(key, String(value));
  const queryString = searchParams.toString();
  return queryString ? `${path}${path.includes('?') ? '&' : '?'}${queryString}` : path;
}

/**
 * A same-site path to return to after sign-in; anything else falls back home. Only printable ASCII
 * that a URL may hold, never a control character (a newline in a redirect header ends the process
 * that writes it) nor anything a browser might read as another site.
 */
export function safeReturnPath(value: unknown): string {
  if (
    typeof value !== 'string' ||
    value.length > 2000 ||
    !value.startsWith('/') ||
    value.startsWith('//') ||
    value.startsWith('/\\')
  )
    return paths.home();
  if (!/^[A-Za-z0-9\-._~!$&'()*+,;=:@%/?#]*$/.test(value)) return paths.home();
  return value;
}
