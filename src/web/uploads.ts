// Forms that send a file (multipart/form-data, ADR 0019): the one route that takes a document
// names the file's field in its config (`upload: 'file'`), and this reads the form before any
// other hook sees it. The text fields become the body, as @fastify/formbody would give them, so
// the usual checks (unstorable characters, then CSRF from the hidden `_csrf` field) apply to them
// unchanged; the file is kept aside on `request.upload`, at most the configured limit of it (the
// multipart parser stops keeping bytes beyond that and says the file was cut short). Nothing here
// throws for what a client sent: a broken or hostile body is marked unreadable, and the page says
// so next to the field. Before sign-in the file is read and thrown away, never kept in memory.
import type { FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';
import type { ArrivedFile } from '../domain/documents.ts';

/** The file part of a multipart form, as the route receives it. */
export interface ReceivedUpload {
  /** The file chosen, or null when none was (an empty file input still sends a part, with no name). */
  file: (ArrivedFile & { bytes: Buffer }) | null;
  /** The form could not be read to its end: more files or fields than any form of ours has, or a broken body. */
  unreadable: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    upload?: ReceivedUpload;
  }
}

/** Limits on the parts of a multipart form: one file, a few short fields. The file's size is the config's. */
export const MULTIPART_LIMITS = {
  files: 1,
  fields: 20,
  parts: 24,
  fieldSize: 64 * 1024,
  fieldNameSize: 100,
  headerPairs: 20,
} as const;

/**
 * The file's name as the person's computer had it: browsers write a double quote in it as %22 and
 * a line break as %0D or %0A (the HTML standard's multipart encoding), which are put back here.
 */
export function sentName(filename: string): string {
  return filename.replace(/%22/g, '"').replace(/%0[ad]/gi, ' ');
}

/** Reads a stream to its end, keeping nothing. */
async function drain(stream: Readable): Promise<void> {
  for await (const _chunk of stream) {
    // thrown away
  }
}

/** Reads a multipart form: its text fields into the body, the file named `field` into `request.upload`. */
export async function readUpload(request: FastifyRequest, field: string): Promise<void> {
  const fields: Record<string, string | string[]> = {};
  const add = (name: string, value: string) => {
    const had = fields[name];
    fields[name] = had === undefined ? value : [...(Array.isArray(had) ? had : [had]), value];
  };
  const keep = Boolean(request.session?.userId);
  let file: ReceivedUpload['file'] = null;
  let unreadable = false;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'field') {
        if (typeof part.value === 'string' && !part.valueTruncated) add(part.fieldname, part.value);
        else unreadable = true;
        continue;
      }
      if (part.fieldname !== field || file || !keep || !part.filename) {
        await drain(part.file);
        continue;
      }
      const chunks: Buffer[] = [];
      for await (const chunk of part.file) chunks.push(chunk as Buffer);
      const tooLarge = part.file.truncated;
      const bytes = tooLarge ? Buffer.alloc(0) : Buffer.concat(chunks);
      chunks.length = 0;
      file = { fileName: sentName(part.filename), size: bytes.length, tooLarge, bytes };
    }
  } catch (err) {
    // The parser's limits (more parts, files or fields than a form of ours sends), a field named
    // like a property of every object, a body cut short or malformed: what was read stands, and
    // the rest of the body is let go rather than left half read.
    request.log.info({ err }, 'multipart form not read to its end');
    unreadable = true;
    request.raw.unpipe();
    request.raw.resume();
  }
  request.body = fields;
  request.upload = { file, unreadable };
}
