// Tasks: a child's task list, "My tasks" across cases (overdue first), one task with the form to
// mark it done, taking it on, and (for managers and the front door) giving it to a colleague (R-X-3).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ValidationError } from '../../../services/context.ts';
import * as meetingService from '../../../services/meeting-service.ts';
import * as taskService from '../../../services/task-service.ts';
import { type AppDeps, actorOf } from '../../request-context.ts';
import { type Body, errorView, str } from '../../forms.ts';
import { paths } from '../../paths.ts';
import { taskRow } from './view-model.ts';

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

  app.get('/children/:id/tasks', { config: { action: 'task.view' } }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const { child, tasks, today } = await taskService.childTasks(db, actorOf(request), id);
    return reply.page('pages/tasks/child.njk', {
      pageTitle: `Tasks: ${child.firstName} ${child.lastName}`,
      child,
      tasks: tasks.map((task) => taskRow(task, today)),
      emptyText: 'No tasks yet. Tasks are added when an incident is screened and the level of concern decided.',
    });
  });

  async function renderTask(request: FastifyRequest, reply: FastifyReply, extra: Record<string, unknown> = {}) {
    const actor = actorOf(request);
    const { id } = request.params as { id: string };
    const { task, today, can, doneBy } = await taskService.viewTask(db, actor, id);
    const row = taskRow(task, today);
    const found = task.arranges ? await meetingService.taskMeetings(db, task) : { meetings: [], canArrange: false };
    const taskMeetings = { ...found, canArrange: found.canArrange && can.arrange };
    const assignees = can.give ? await taskService.assigneeOptions(db, task) : null;
    const chosen = (extra.values as { assignee?: string } | undefined)?.assignee ?? '';
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
      noteMax: taskService.TASK_NOTE_MAX,
      ...extra,
    });
  }

  app.get('/tasks/:id', { config: { action: 'task.view' } }, (request, reply) => renderTask(request, reply));

  app.post('/tasks/:id/complete', { config: { action: 'task.complete' } }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const body = request.body as Body;
    const note = str(body, 'note');
    try {
      await taskService.completeTask(db, actorOf(request), id, Number(str(body, 'version')), note);
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      return renderTask(request, reply.code(400), { values: { note, assignee: '' }, errors: errorView(err.errors) });
    }
    request.session.flash = { title: 'Task marked as done' };
    return reply.redirect(paths.tasks.show(id), 303);
  });

  app.post('/tasks/:id/assign', { config: { action: 'task.assign' } }, async (request, reply) => {
    const { id } = request.params as { id: string };
    await taskService.assignToMe(db, actorOf(request), id, Number(str(request.body as Body, 'version')));
    request.session.flash = { title: 'Task assigned to you' };
    return reply.redirect(paths.tasks.show(id), 303);
  });

  app.post('/tasks/:id/assign-to', { config: { action: 'task.assign_to' } }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const body = request.body as Body;
    const assignee = str(body, 'assignee');
    try {
      await taskService.assignTo(db, actorOf(request), id, Number(str(body, 'version')), assignee);
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      return renderTask(request, reply.code(400), { values: { note: '', assignee }, errors: errorView(err.errors) });
    }
    request.session.flash = { title: 'Task assigned' };
    return reply.redirect(paths.tasks.show(id), 303);
  });
}
