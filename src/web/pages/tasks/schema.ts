// What a task's forms post, typed by page schemas (web/page-schema.ts): marking it done with a
// note, taking it on, and giving it to a colleague. They check no rule: the task service does.
import { field, pageSchema } from '../../page-schema.ts';

export const completeForm = pageSchema({ version: field.version(), note: field.text() });
export const assignToMeForm = pageSchema({ version: field.version() });
export const assignToForm = pageSchema({ version: field.version(), assignee: field.text() });
