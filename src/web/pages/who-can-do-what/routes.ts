// "Who can do what": the action model (domain/actions.ts) in plain English, for auditors,
// administrators and anyone who wants to know why they may or may not do something (R-X-7).
import type { FastifyInstance } from 'fastify';
import { actionTable } from '../../../domain/actions.ts';
import type { AppDeps } from '../../request-context.ts';

const GROUP_HEADINGS: Record<string, string> = {
  child: 'Children’s records',
  list: 'Lists',
  'external decision': 'Police, prosecution and triage decisions',
  incident: 'Incidents',
  screening: 'Screening',
  referral: 'Referrals',
  task: 'Tasks',
  meeting: 'Meetings',
  assessment: 'AIM assessments',
  'panel referral': 'The AIM Pathway Panel',
  user: 'Users and accounts',
  team: 'Teams',
  setting: 'Working days and settings',
  'api token': 'API tokens',
  'audit log': 'The audit log',
  procedure: 'Procedures and this page',
  session: 'Signing in',
};

export default function whoCanDoWhatRoutes(app: FastifyInstance, _deps: AppDeps): void {
  app.get('/who-can-do-what', { config: { action: 'actions.view' } }, async (_request, reply) => {
    return reply.page('pages/who-can-do-what/view.njk', {
      pageTitle: 'Who can do what',
      groups: actionTable().map((group) => ({ heading: GROUP_HEADINGS[group.on] ?? group.on, rows: group.rows })),
    });
  });
}
