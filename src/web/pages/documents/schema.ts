// The upload form's text fields, as typed (the service checks them with the file, every problem at
// once). The file itself arrives beside them (src/web/uploads.ts), not in the body. The removal
// form's reason, as typed (the service checks it).
import { field, pageSchema } from '../../page-schema.ts';

export const documentForm = pageSchema({ title: field.text(), kind: field.text() });

export const removeForm = pageSchema({ reason: field.text() });
