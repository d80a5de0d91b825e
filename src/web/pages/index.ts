// Every page's routes, registered inside the signed-in context (see app.ts).
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../app.ts';
import adminRoutes from './admin/routes.ts';
import auditRoutes from './audit/routes.ts';
import casesRoutes from './cases/routes.ts';
import childRoutes from './children/routes.ts';
import incidentRoutes from './incidents/routes.ts';
import signInRoutes from './sign-in/routes.ts';

export async function registerPages(app: FastifyInstance, deps: AppDeps): Promise<void> {
  for (const routes of [signInRoutes, casesRoutes, childRoutes, incidentRoutes, adminRoutes, auditRoutes]) {
    await routes(app, deps);
  }
}
