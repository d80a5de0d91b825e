// Every page's routes, registered inside the signed-in context (see app.ts).
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../request-context.ts';
import adminRoutes from './admin/routes.ts';
import settingsRoutes from './admin/settings-routes.ts';
import assessmentRoutes from './assessments/routes.ts';
import auditRoutes from './audit/routes.ts';
import panelRoutes from './panel/routes.ts';
import planRoutes from './plans/routes.ts';
import noteRoutes from './notes/routes.ts';
import familyRoutes from './family/routes.ts';
import documentRoutes from './documents/routes.ts';
import casesRoutes from './cases/routes.ts';
import findChildRoutes from './find-a-child/routes.ts';
import homeRoutes from './home/routes.ts';
import childRoutes from './children/routes.ts';
import closureRoutes from './children/closure-routes.ts';
import incidentRoutes from './incidents/routes.ts';
import meetingRoutes from './meetings/routes.ts';
import minutesCorrectionRoutes from './meetings/minutes-correction-routes.ts';
import procedureRoutes from './procedures/routes.ts';
import referralRoutes from './referrals/routes.ts';
import screeningRoutes from './screening/routes.ts';
import signInRoutes from './sign-in/routes.ts';
import taskRoutes from './tasks/routes.ts';
import whoCanDoWhatRoutes from './who-can-do-what/routes.ts';

/** Each page module only declares its routes, at once: nothing to wait for. */
export function registerPages(app: FastifyInstance, deps: AppDeps): void {
  for (const routes of [
    signInRoutes,
    homeRoutes,
    casesRoutes,
    findChildRoutes,
    childRoutes,
    closureRoutes,
    incidentRoutes,
    screeningRoutes,
    referralRoutes,
    meetingRoutes,
    minutesCorrectionRoutes,
    assessmentRoutes,
    panelRoutes,
    planRoutes,
    noteRoutes,
    familyRoutes,
    documentRoutes,
    taskRoutes,
    procedureRoutes,
    whoCanDoWhatRoutes,
    adminRoutes,
    settingsRoutes,
    auditRoutes,
  ]) {
    routes(app, deps);
  }
}
