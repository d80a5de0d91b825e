// Tasks: a child's task list, "My tasks" across cases (overdue first), one task with the form to
// mark it done, taking it on, and (for managers and the front door) giving it to a colleague (R-X-3).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { TASK_NOTE_MAX } from '../../../domain/task-rules.ts';
import * as meetingService from '../../../services/meeting-service.ts';
import * as taskService from '../../../services/task-service.ts';
import { type AppDeps, actorOf } from '../../request-context.ts';
import { paths } from '../../paths.ts';
import { submitForm } from '../../submit-form.ts';
import { assignToForm, assignToMeForm, completeForm } from './schema.ts';
import { taskRow } from './view-model.ts';

type Id = { Params: { id: string } };

export default function taskRoutes(app: FastifyInstance, { db }: AppDeps): void {
  app.get('/tasks', { config: { action: 'tasks.mine' } }, async (request, reply) => {
    const { today, tasks, more, shown } = await taskService.myTasks(db, actorOf(request));
    const rows = tasks.map((task) => taskRow(task, today));
    return reply.page('pages/tasks/mine.njk', {
      pageTitle: 'My tasks',
      tasks: rows,
      overdueCount: rows.filter((row) => row.overdue).length,
      showChild: true,
      emptyText: 'You have no open tasks.',
      more,
      shown,
    });
  });

  app.get<Id>('/children/:id/tasks', { config: { action: 'task.view' } }, async (request, reply) => {
    const { id } = request.params;
    const { child, tasks, today } = await taskService.childTasks(db, actorOf(request), id);
    return reply.page('pages/tasks/child.njk', {
      pageTitle: `Tasks: ${child.firstName} ${child.lastName}`,
      child,
      tasks: tasks.map((task) => taskRow(task, today)),
      emptyText: 'No tasks yet. Tasks are added when an incident is screened and the level of concern decided.',
    });
  });

  async function renderTask(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    extra: { values?: { note: string; assignee: string }; errors?: unknown } = {},
  ) {
    const { task, today, can, doneBy } = await taskService.viewTask(db, actorOf(request), id);
    const row = taskRow(task, today);
    const found = task.arranges ? await meetingService.taskMeetings(db, task) : { meetings: [], canArrange: false };
    const taskMeetings = { ...found, canArrange: found.canArrange && can.arrange };
    const assignees = can.give ? await taskService.assigneeOptions(db, task) : null;
    const chosen = extra.values?.assignee ?? '';
    return reply.page('pages/tasks/show.njk', {
      taskMeetings,
      pageTitle: task.title,
      backLink: paths.children.tasks(task.childId),
      task: row,
      canTake: can.take,
      canComplete: can.complete,
      doneByText: doneBy ? taskService.DONE_BY[doneBy] : null,
      assigneeItems: assignees && [
        { value: '', text: 'Select a person' },
        ...assignees.map((user) => ({ value: user.id, text: user.name, selected: user.id === chosen })),
      ],
      values: { note: '', assignee: '' },
      noteMax: TASK_NOTE_MAX,
      ...extra,
    });
  }

  app.get<Id>('/tasks/:id', { config: { action: 'task.view' } }, (request, reply) =>
    renderTask(request, reply, request.params.id),
  );

  app.post<Id>('/tasks/:id/complete', { config: { action: 'task.complete' } }, (request, reply) => {
    const { id } = request.params;
    const { version, note } = completeForm.read(request.body);
    return submitForm(request, reply, {
      act: () => taskService.completeTask(db, actorOf(request), id, version, note),
      flash: 'Task marked as done',
      redirect: () => paths.tasks.show(id),
      again: (errorReply, errors) => renderTask(request, errorReply, id, { values: { note, assignee: '' }, errors }),
    });
  });

  app.post<Id>('/tasks/:id/assign', { config: { action: 'task.assign' } }, (request, reply) => {
    const { id } = request.params;
    const { version } = assignToMeForm.read(request.body);
    return submitForm(request, reply, {
      act: () => taskService.assignToMe(db, actorOf(request), id, version),
      flash: 'Task assigned to you',
      redirect: () => paths.tasks.show(id),
    });
  });

  app.post<Id>('/tasks/:id/assign-to', { config: { action: 'task.assign_to' } }, (request, reply) => {
    const { id } = request.params;
    const { version, assignee } = assignToForm.read(request.body);
    return submitForm(request, reply, {
      act: () => taskService.assignTo(db, actorOf(request), id, version, assignee),
      flash: 'Task assigned',
      redirect: () => paths.tasks.show(id),
      again: (errorReply, errors) => renderTask(request, errorReply, id, { values: { note: '', assignee }, errors }),
    });
  });
}
