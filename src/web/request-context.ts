// What every page module needs from the application, without importing the application: the
// signed-in actor, the dependencies, and Fastify's declarations for them. The pages import this
// module; app.ts imports the pages, so there is no circle (issue 12, item 6).
import type { FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';
import type { ActionId } from '../domain/actions.ts';
import type { Actor, Db } from '../services/context.ts';
import type { UploadScanner } from '../services/upload-scanner.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor?: Actor;
  }
  interface FastifyContextConfig {
    /** Route answers without a signed-in user. */
    public?: boolean;
    /** The action this route performs, from the action model (domain/actions.ts). Every route names one. */
    action?: ActionId;
    /** The route takes one file in a multipart form, in the field of this name (src/web/uploads.ts). */
    upload?: string;
  }
}

declare module '@fastify/session' {
  interface FastifySessionObject {
    userId?: string;
    lastSeen?: number;
    flash?: { title: string; text?: string } | undefined;
  }
}

export interface AppDeps {
  db: Db;
  config: Config;
  logger?: boolean | object;
  /** Scans each uploaded document for viruses (ADR 0019); without one, none is scanned and each is recorded so. */
  scanner?: UploadScanner;
}

export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new Error('No signed-in user on this route');
  return request.actor;
}

export interface RegisteredRoute {
  method: string;
  url: string;
  action: ActionId;
  public: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route with the action it names, for the route matrix test and the docs. */
    registeredRoutes: readonly RegisteredRoute[];
  }
  interface FastifyReply {
    page(template: string, model?: Record<string, unknown>): FastifyReply;
    renderDocument(template: string, model?: Record<string, unknown>): string;
  }
}
