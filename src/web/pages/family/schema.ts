// The family and network forms: a person (who they are to the child, their name, relationship or
// role, how to reach them, parental responsibility, whether they live with the child), an alert,
// and the reason a person or alert has ended, as typed (the service checks them, every problem at once).
import { field, pageSchema } from '../../page-schema.ts';

export const personForm = pageSchema({
  kind: field.text(),
  name: field.text(),
  relationship: field.text(),
  organisation: field.text(),
  phone: field.text(),
  email: field.text(),
  address: field.text(),
  parentalResponsibility: field.text(),
  livesWithChild: field.text(),
});

export const alertForm = pageSchema({ words: field.text() });

export const endForm = pageSchema({ reason: field.text() });
