// Plans (issue 14): a child's plans, starting one, writing it, agreeing it, reviewing it, recording
// who received a copy, ending it, and its print and download. Each route parses the form, calls
// the plan service and renders; what a plan must say and when it is reviewed is the domain's.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { PlanContents } from '../../../domain/plans.ts';
import { CONSENT_ANSWERS, PLAN_LIMITS, REVIEW_OUTCOMES, inSentence } from '../../../domain/plans.ts';
import * as planService from '../../../services/plan-service.ts';
import { type AppDeps, actorOf } from '../../request-context.ts';
import { paths } from '../../paths.ts';
import { submitForm } from '../../submit-form.ts';
import {
  NO_DATE,
  actionForm,
  agreeForm,
  endForm,
  newPlanForm,
  planTextForm,
  reviewForm,
  shareForm,
  typedContents,
} from './schema.ts';
import { contentRows, exportFileName, latestReviewText, planModel, planRows, reviewRule } from './view-model.ts';

type Id = { Params: { id: string } };
type Extra = Record<string, unknown>;

export default function planRoutes(app: FastifyInstance, { db }: AppDeps): void {
  // --- A child's plans, and starting one ---
  app.get<Id>('/children/:id/plans', { config: { action: 'plan.view' } }, async (request, reply) => {
    const view = await planService.childPlans(db, actorOf(request), request.params.id);
    return reply.page('pages/plans/child.njk', {
      pageTitle: `Plans: ${view.child.firstName} ${view.child.lastName}`,
      child: view.child,
      plans: planRows(view.plans, view.today),
      canCreate: view.canCreate,
    });
  });

  async function renderNew(request: FastifyRequest, reply: FastifyReply, childId: string, extra: Extra = {}) {
    const form = await planService.newPlanForm(db, actorOf(request), childId);
    const values = (extra['values'] as { kind: string; ownerId: string } | undefined) ?? {
      kind: '',
      ownerId: form.owners.some((owner) => owner.id === actorOf(request).user.id) ? actorOf(request).user.id : '',
    };
    return reply.page('pages/plans/new.njk', {
      pageTitle: 'Start a plan',
      backLink: paths.children.plans(childId),
      child: form.child,
      kindItems: form.kinds.map((kind) => ({
        value: kind.id,
        text: kind.name,
        hint: { text: kind.purpose },
        checked: kind.id === values.kind,
      })),
      kindClauses: form.kinds.map((kind) => kind.clause),
      ownerItems: [
        { value: '', text: 'Select who owns the plan' },
        ...form.owners.map((owner) => ({ value: owner.id, text: owner.name, selected: owner.id === values.ownerId })),
      ],
      ...extra,
    });
  }

  app.get<Id>('/children/:id/plans/new', { config: { action: 'plan.create' } }, (request, reply) =>
    renderNew(request, reply, request.params.id),
  );
  app.post<Id>('/children/:id/plans/new', { config: { action: 'plan.create' } }, (request, reply) => {
    const { id } = request.params;
    const values = newPlanForm.read(request.body);
    return submitForm(request, reply, {
      act: () => planService.createPlan(db, actorOf(request), id, values),
      flash: 'Plan started',
      redirect: (planId) => paths.plans.edit(planId),
      again: (errorReply, errors) => renderNew(request, errorReply, id, { values, errors }),
    });
  });

  // --- The plan, its print and its download ---
  app.get<Id>('/plans/:id', { config: { action: 'plan.view' } }, async (request, reply) => {
    const view = await planService.viewPlan(db, actorOf(request), request.params.id);
    return reply.page('pages/plans/show.njk', { ...planModel(view), backLink: paths.children.plans(view.child.id) });
  });
  app.get<Id>('/plans/:id/print', { config: { action: 'plan.view' } }, async (request, reply) => {
    const view = await planService.viewPlan(db, actorOf(request), request.params.id);
    return reply.page('pages/plans/print.njk', { ...planModel(view), backLink: paths.plans.show(view.plan.id) });
  });
  app.get<Id>('/plans/:id/export', { config: { action: 'plan.view' } }, async (request, reply) => {
    const view = await planService.viewPlan(db, actorOf(request), request.params.id);
    const html = reply.renderDocument('pages/plans/document.njk', planModel(view));
    return reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('content-disposition', `attachment; filename="${exportFileName(view.kind, view.today)}"`)
      .send(html);
  });

  // --- Writing it ---
  async function renderEdit(request: FastifyRequest, reply: FastifyReply, id: string, extra: Extra = {}) {
    const { plan, kind, child, contents } = await planService.planToEdit(db, actorOf(request), id);
    const typed = (extra['typed'] as PlanContents | undefined) ?? contents;
    return reply.page('pages/plans/edit.njk', {
      pageTitle: `Write the ${inSentence(kind.name)}`,
      backLink: paths.plans.show(id),
      plan,
      kind,
      child,
      version: extra['version'] ?? plan.version,
      rows: contentRows(kind, typed),
      hints: Object.fromEntries(kind.contents.map((item) => [item.id, item.hint ?? ''])),
      limits: PLAN_LIMITS,
      ...extra,
    });
  }
  app.get<Id>('/plans/:id/edit', { config: { action: 'plan.edit' } }, (request, reply) =>
    renderEdit(request, reply, request.params.id),
  );
  app.post<Id>('/plans/:id/edit', { config: { action: 'plan.edit' } }, async (request, reply) => {
    const { id } = request.params;
    const posted = planTextForm.read(request.body);
    const typed = typedContents(posted);
    return submitForm(request, reply, {
      act: () => planService.savePlan(db, actorOf(request), id, posted.version, typed),
      flash: 'Plan saved',
      redirect: () => paths.plans.show(id),
      again: (errorReply, errors) => renderEdit(request, errorReply, id, { typed, errors, version: posted.version }),
      conflict: (conflictReply, conflict) => renderEdit(request, conflictReply, id, { typed, conflict }),
    });
  });

  // --- Agreeing it ---
  async function renderAgree(request: FastifyRequest, reply: FastifyReply, id: string, extra: Extra = {}) {
    const { plan, kind, child, contents, today } = await planService.planToEdit(db, actorOf(request), id, 'plan.agree');
    return reply.page('pages/plans/agree.njk', {
      pageTitle: `Agree the ${inSentence(kind.name)}`,
      backLink: paths.plans.show(id),
      plan,
      kind,
      child,
      rows: contentRows(kind, contents),
      latestReview: latestReviewText(kind, today),
      reviewRule: reviewRule(kind),
      values: { nextReviewOn: NO_DATE, note: '' },
      limits: PLAN_LIMITS,
      ...extra,
    });
  }
  app.get<Id>('/plans/:id/agree', { config: { action: 'plan.agree' } }, (request, reply) =>
    renderAgree(request, reply, request.params.id),
  );
  app.post<Id>('/plans/:id/agree', { config: { action: 'plan.agree' } }, (request, reply) => {
    const { id } = request.params;
    const values = agreeForm.read(request.body);
    return submitForm(request, reply, {
      act: () => planService.agreePlan(db, actorOf(request), id, values.version, values),
      flash: 'Plan agreed',
      redirect: () => paths.plans.show(id),
      again: (errorReply, errors) => renderAgree(request, errorReply, id, { values, errors }),
      hrefs: agreeForm.hrefs,
    });
  });

  // --- Reviewing it ---
  async function renderReview(request: FastifyRequest, reply: FastifyReply, id: string, extra: Extra = {}) {
    const { plan, kind, child, today } = await planService.planToReview(db, actorOf(request), id);
    const values = (extra['values'] as { outcome?: string } | undefined) ?? {
      reviewedOn: NO_DATE,
      done: '',
      changed: '',
      views: '',
      outcome: '',
      nextReviewOn: NO_DATE,
      endReason: '',
    };
    return reply.page('pages/plans/review.njk', {
      pageTitle: `Review the ${inSentence(kind.name)}`,
      backLink: paths.plans.show(id),
      plan,
      kind,
      child,
      values,
      outcomes: Object.entries(REVIEW_OUTCOMES).map(([value, text]) => ({
        value,
        text,
        checked: values.outcome === value,
      })),
      reviewRule: reviewRule(kind),
      latestReview: latestReviewText(kind, today),
      limits: PLAN_LIMITS,
      ...extra,
    });
  }
  app.get<Id>('/plans/:id/review', { config: { action: 'plan.review' } }, (request, reply) =>
    renderReview(request, reply, request.params.id),
  );
  app.post<Id>('/plans/:id/review', { config: { action: 'plan.review' } }, (request, reply) => {
    const { id } = request.params;
    const values = reviewForm.read(request.body);
    return submitForm(request, reply, {
      act: () => planService.reviewPlan(db, actorOf(request), id, values.version, values),
      flash: 'Review recorded',
      redirect: () => paths.plans.show(id),
      again: (errorReply, errors) => renderReview(request, errorReply, id, { values, errors }),
      hrefs: reviewForm.hrefs,
    });
  });

  // --- Sharing it ---
  async function renderShare(request: FastifyRequest, reply: FastifyReply, id: string, extra: Extra = {}) {
    const { plan, kind, child, version } = await planService.planToShare(db, actorOf(request), id);
    const values = (extra['values'] as { consent?: string } | undefined) ?? {
      sharedWith: '',
      sharedOn: NO_DATE,
      consent: '',
      views: '',
      disagreement: '',
    };
    return reply.page('pages/plans/share.njk', {
      pageTitle: `Record who received a copy of the ${inSentence(kind.name)}`,
      backLink: paths.plans.show(id),
      plan,
      kind,
      child,
      versionNumber: version.number,
      values,
      consentItems: Object.entries(CONSENT_ANSWERS).map(([value, text]) => ({
        value,
        text,
        checked: values.consent === value,
      })),
      limits: PLAN_LIMITS,
      ...extra,
    });
  }
  app.get<Id>('/plans/:id/share', { config: { action: 'plan.share' } }, (request, reply) =>
    renderShare(request, reply, request.params.id),
  );
  app.post<Id>('/plans/:id/share', { config: { action: 'plan.share' } }, (request, reply) => {
    const { id } = request.params;
    const values = shareForm.read(request.body);
    return submitForm(request, reply, {
      act: () => planService.sharePlan(db, actorOf(request), id, values),
      flash: 'Copy recorded',
      redirect: () => paths.plans.show(id),
      again: (errorReply, errors) => renderShare(request, errorReply, id, { values, errors }),
      hrefs: shareForm.hrefs,
    });
  });

  // --- Its actions: who does what by when ---
  async function renderAction(request: FastifyRequest, reply: FastifyReply, id: string, extra: Extra = {}) {
    const { plan, kind, child, people } = await planService.planToAct(db, actorOf(request), id);
    const values = (extra['values'] as { assigneeId: string } | undefined) ?? {
      what: '',
      assigneeId: '',
      dueOn: NO_DATE,
      workingDays: '',
    };
    return reply.page('pages/plans/action.njk', {
      pageTitle: `Give an action from the ${inSentence(kind.name)}`,
      backLink: paths.plans.show(id),
      plan,
      kind,
      child,
      values,
      people: [
        { value: '', text: 'Select who will do it' },
        ...people.map((person) => ({ value: person.id, text: person.name, selected: person.id === values.assigneeId })),
      ],
      ...extra,
    });
  }
  app.get<Id>('/plans/:id/actions', { config: { action: 'plan.add_action' } }, (request, reply) =>
    renderAction(request, reply, request.params.id),
  );
  app.post<Id>('/plans/:id/actions', { config: { action: 'plan.add_action' } }, (request, reply) => {
    const { id } = request.params;
    const values = actionForm.read(request.body);
    return submitForm(request, reply, {
      act: () => planService.addAction(db, actorOf(request), id, values),
      flash: 'Action given',
      redirect: () => paths.plans.show(id),
      again: (errorReply, errors) => renderAction(request, errorReply, id, { values, errors }),
      hrefs: actionForm.hrefs,
    });
  });

  // --- Ending it ---
  async function renderEnd(request: FastifyRequest, reply: FastifyReply, id: string, extra: Extra = {}) {
    const { plan, kind, child } = await planService.planToEnd(db, actorOf(request), id);
    return reply.page('pages/plans/end.njk', {
      pageTitle: `End the ${inSentence(kind.name)}`,
      backLink: paths.plans.show(id),
      plan,
      kind,
      child,
      values: { reason: '' },
      limits: PLAN_LIMITS,
      ...extra,
    });
  }
  app.get<Id>('/plans/:id/end', { config: { action: 'plan.end' } }, (request, reply) =>
    renderEnd(request, reply, request.params.id),
  );
  app.post<Id>('/plans/:id/end', { config: { action: 'plan.end' } }, (request, reply) => {
    const { id } = request.params;
    const values = endForm.read(request.body);
    return submitForm(request, reply, {
      act: () => planService.endPlan(db, actorOf(request), id, values.version, values.reason),
      flash: 'Plan ended',
      redirect: () => paths.plans.show(id),
      again: (errorReply, errors) => renderEnd(request, errorReply, id, { values, errors }),
    });
  });
}
