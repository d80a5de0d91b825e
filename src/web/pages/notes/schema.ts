// The case note form: what kind of note, the day it happened in three boxes, who was there or
// spoken to, and the words, as typed (the service checks them, every problem at once).
import { field, pageSchema } from '../../page-schema.ts';

export const noteForm = pageSchema(
  {
    kind: field.text(),
    happenedOn: field.dateParts(),
    present: field.text(),
    words: field.text(),
    bodyRegions: field.list(),
  },
  { dates: ['happenedOn'] },
);
