// A child's family and network, and the alerts on their record (issue 15): the page, adding a
// person, recording that one is no longer involved, adding and ending an alert.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as familyService from '../../../services/family-service.ts';
import { type AppDeps, actorOf } from '../../request-context.ts';
import { paths } from '../../paths.ts';
import { submitForm } from '../../submit-form.ts';
import { alertForm, endForm, personForm } from './schema.ts';
import { emptyPerson, familyModel, kindItems, yesNoItems } from './view-model.ts';

type Id = { Params: { id: string } };
type PersonId = { Params: { id: string; personId: string } };
type AlertId = { Params: { id: string; alertId: string } };

export default function familyRoutes(app: FastifyInstance, { db }: AppDeps): void {
  app.get<Id>('/children/:id/family', { config: { action: 'family.view' } }, async (request, reply) => {
    const view = await familyService.childFamily(db, actorOf(request), request.params.id);
    return reply.page('pages/family/child.njk', {
      pageTitle: `Family and network: ${view.child.firstName} ${view.child.lastName}`,
      child: view.child,
      sealed: !view.seesHousehold,
      canChange: view.canChange,
      canAddAlert: view.canAddAlert,
      canEndAlert: view.canEndAlert,
      ...familyModel(view.child, view.people, view.canChange),
    });
  });

  async function renderPerson(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    extra: { values?: familyService.NetworkInput; errors?: unknown } = {},
  ) {
    const { child, kinds, seesHousehold } = await familyService.familyForm(db, actorOf(request), id);
    const values = extra.values ?? emptyPerson();
    return reply.page('pages/family/new.njk', {
      pageTitle: 'Add a person to the family and network',
      backLink: paths.children.family(id),
      child,
      values,
      sealed: !seesHousehold,
      kindItems: kindItems(kinds, values.kind),
      prItems: yesNoItems(values.parentalResponsibility),
      livesItems: yesNoItems(values.livesWithChild),
      limits: familyService.NETWORK_LIMITS,
      ...extra,
    });
  }

  app.get<Id>('/children/:id/family/new', { config: { action: 'family.change' } }, (request, reply) =>
    renderPerson(request, reply, request.params.id),
  );

  app.post<Id>('/children/:id/family/new', { config: { action: 'family.change' } }, (request, reply) => {
    const { id } = request.params;
    const values = personForm.read(request.body);
    return submitForm(request, reply, {
      act: () => familyService.addPerson(db, actorOf(request), id, values),
      flash: 'Person added to the family and network',
      redirect: () => paths.children.family(id),
      again: (errorReply, errors) => renderPerson(request, errorReply, id, { values, errors }),
      hrefs: personForm.hrefs,
    });
  });

  async function renderEndPerson(
    request: FastifyRequest<PersonId>,
    reply: FastifyReply,
    extra: { reason?: string; errors?: unknown } = {},
  ) {
    const { id, personId } = request.params;
    const { child, person } = await familyService.endPersonForm(db, actorOf(request), id, personId);
    return reply.page('pages/family/end.njk', {
      pageTitle: `Record that ${person.name} is no longer involved`,
      backLink: paths.children.family(id),
      child,
      action: paths.children.endFamilyMember(id, personId),
      hint: 'For example, moved away, no longer the child’s GP, or the agency has closed its case.',
      reason: extra.reason ?? '',
      errors: extra.errors,
      button: 'Record as no longer involved',
      limits: familyService.NETWORK_LIMITS,
    });
  }

  app.get<PersonId>('/children/:id/family/:personId/end', { config: { action: 'family.change' } }, (request, reply) =>
    renderEndPerson(request, reply),
  );

  app.post<PersonId>(
    '/children/:id/family/:personId/end',
    { config: { action: 'family.change' } },
    (request, reply) => {
      const { id, personId } = request.params;
      const { reason } = endForm.read(request.body);
      return submitForm(request, reply, {
        act: () => familyService.endPerson(db, actorOf(request), id, personId, reason),
        flash: 'Recorded as no longer involved',
        redirect: () => paths.children.family(id),
        again: (errorReply, errors) => renderEndPerson(request, errorReply, { reason, errors }),
        hrefs: endForm.hrefs,
      });
    },
  );

  async function renderAlert(
    request: FastifyRequest<Id>,
    reply: FastifyReply,
    extra: { words?: string; errors?: unknown } = {},
  ) {
    const { child } = await familyService.alertForm(db, actorOf(request), request.params.id);
    return reply.page('pages/family/alert.njk', {
      pageTitle: 'Add an alert',
      backLink: paths.children.family(child.id),
      child,
      words: extra.words ?? '',
      errors: extra.errors,
      limits: familyService.NETWORK_LIMITS,
    });
  }

  app.get<Id>('/children/:id/alerts/new', { config: { action: 'alert.add' } }, (request, reply) =>
    renderAlert(request, reply),
  );

  app.post<Id>('/children/:id/alerts/new', { config: { action: 'alert.add' } }, (request, reply) => {
    const { id } = request.params;
    const { words } = alertForm.read(request.body);
    return submitForm(request, reply, {
      act: () => familyService.addAlert(db, actorOf(request), id, words),
      flash: 'Alert added',
      redirect: () => paths.children.family(id),
      again: (errorReply, errors) => renderAlert(request, errorReply, { words, errors }),
      hrefs: alertForm.hrefs,
    });
  });

  async function renderEndAlert(
    request: FastifyRequest<AlertId>,
    reply: FastifyReply,
    extra: { reason?: string; errors?: unknown } = {},
  ) {
    const { id, alertId } = request.params;
    const { child, alert } = await familyService.endAlertForm(db, actorOf(request), id, alertId);
    return reply.page('pages/family/end.njk', {
      pageTitle: 'End an alert',
      backLink: paths.children.family(id),
      child,
      quote: alert.words,
      action: paths.children.endAlert(id, alertId),
      hint: 'For example, the risk has been reassessed, or the family has moved.',
      reason: extra.reason ?? '',
      errors: extra.errors,
      button: 'End the alert',
      limits: familyService.NETWORK_LIMITS,
    });
  }

  app.get<AlertId>('/children/:id/alerts/:alertId/end', { config: { action: 'alert.end' } }, (request, reply) =>
    renderEndAlert(request, reply),
  );

  app.post<AlertId>('/children/:id/alerts/:alertId/end', { config: { action: 'alert.end' } }, (request, reply) => {
    const { id, alertId } = request.params;
    const { reason } = endForm.read(request.body);
    return submitForm(request, reply, {
      act: () => familyService.endAlert(db, actorOf(request), id, alertId, reason),
      flash: 'Alert ended',
      redirect: () => paths.children.family(id),
      again: (errorReply, errors) => renderEndAlert(request, errorReply, { reason, errors }),
      hrefs: endForm.hrefs,
    });
  });
}
