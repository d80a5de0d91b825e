// Documents on a child's record (issue 15, attachments): a police summary, a school report, a
// signed plan, an assessment, uploaded as a PDF, a JPG or PNG image, or a Word document. The type
// is the one its content shows (its first bytes), never its name or what the browser said. Every
// problem with an upload at once, in the order of the form, in GOV.UK's file upload wording. Pure.
import type { FormProblem } from './form-problem.ts';
import { tooLong } from './text-limits.ts';

/** The kinds of document, in the order the form offers them, with how a person reads each. */
export const DOCUMENT_KINDS = {
  police_summary: 'Police summary',
  school_report: 'School report',
  signed_plan: 'Signed plan',
  assessment: 'Assessment',
  other: 'Other document',
} as const;
export type DocumentKind = keyof typeof DOCUMENT_KINDS;
export const DOCUMENT_KIND_IDS = Object.keys(DOCUMENT_KINDS) as [DocumentKind, ...DocumentKind[]];

/** The types a document may be, by the media type its content shows, with its name and extension. */
export const DOCUMENT_TYPES = {
  'application/pdf': { label: 'PDF', extension: 'pdf' },
  'image/jpeg': { label: 'JPG', extension: 'jpg' },
  'image/png': { label: 'PNG', extension: 'png' },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
    label: 'Word document',
    extension: 'docx',
  },
} as const;
export type DocumentType = keyof typeof DOCUMENT_TYPES;

export function isDocumentType(value: string | undefined): value is DocumentType {
  return value !== undefined && Object.hasOwn(DOCUMENT_TYPES, value);
}

/** The longest title the form takes. */
export const DOCUMENT_TITLE_LIMIT = 200;

/** The longest file name kept (for display and the download's name). */
const FILE_NAME_LIMIT = 150;

/** The file as it arrived: its name, its bytes (up to the limit), and whether it was longer than that. */
export interface ArrivedFile {
  fileName: string;
  size: number;
  /** The file was longer than the limit: its bytes were not kept. */
  tooLarge: boolean;
}

export interface DocumentInput {
  title: string;
  kind: string;
  /** No file chosen (an empty file input sends a part with no name). */
  file: ArrivedFile | null;
  /** The form's body could not be read as a whole (a broken or hostile upload). */
  unreadable?: boolean;
}

/** "10 MB": a limit in bytes, said as GOV.UK says it. */
export function limitText(limitBytes: number): string {
  const mb = limitBytes / (1024 * 1024);
  return Number.isInteger(mb) ? `${mb} MB` : sizeText(limitBytes);
}

/** A size as a person reads it: "120 KB", "1.5 MB" (at least 1 KB). */
export function sizeText(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  const mb = bytes / (1024 * 1024);
  return `${mb < 10 ? mb.toFixed(1).replace(/\.0$/, '') : Math.round(mb)} MB`;
}

/** "PDF, 120 KB". */
export function typeAndSize(type: DocumentType, bytes: number): string {
  return `${DOCUMENT_TYPES[type].label}, ${sizeText(bytes)}`;
}

/** The message next to the file input when the content is not one of the types taken. */
export const WRONG_TYPE = 'The selected file must be a PDF, JPG, PNG or Word document';

/**
 * An upload's problems, every one at once in the order of the form (the title, the kind, the file):
 * GOV.UK's file upload messages for no file, an empty one, one too large, and one whose content is
 * not a type taken (`detected` is the type its content shows, null when none of ours).
 */
export function documentProblems(
  input: DocumentInput,
  detected: DocumentType | null,
  limitBytes: number,
): FormProblem[] {
  const problems: FormProblem[] = [];
  const title = input.title.trim();
  if (!title) problems.push({ field: 'title', message: 'Enter a title for the document' });
  else if (title.length > DOCUMENT_TITLE_LIMIT)
    problems.push({ field: 'title', message: tooLong('Title', DOCUMENT_TITLE_LIMIT) });
  if (!(DOCUMENT_KIND_IDS as readonly string[]).includes(input.kind))
    problems.push({ field: 'kind', message: 'Select what kind of document this is' });
  const file = input.file;
  if (input.unreadable)
    problems.push({ field: 'file', message: 'The selected file could not be uploaded – try again' });
  else if (!file) problems.push({ field: 'file', message: 'Select a file' });
  else if (file.tooLarge)
    problems.push({ field: 'file', message: `The selected file must be smaller than ${limitText(limitBytes)}` });
  else if (file.size === 0) problems.push({ field: 'file', message: 'The selected file is empty' });
  else if (!detected) problems.push({ field: 'file', message: WRONG_TYPE });
  return problems;
}

// eslint-disable-next-line no-control-regex -- control characters are exactly what a file name must not carry
const UNSAFE_IN_NAME = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/**
 * The file's name as it may be shown and offered for download: its last path segment (a browser on
 * Windows may send the whole path), without control or direction-changing characters, at most 150
 * characters, ending in the extension of the type its content shows ("report.exe" that is a PDF is
 * "report.exe.pdf"). Never empty.
 */
export function safeFileName(sent: string, type: DocumentType): string {
  const extension = DOCUMENT_TYPES[type].extension;
  const last = sent.split(/[/\\]/).at(-1) ?? '';
  let name = last.replace(UNSAFE_IN_NAME, '').replace(/\s+/g, ' ').trim();
  name = name.replace(/^\.+/, '');
  const lower = name.toLowerCase();
  const hasExtension = lower.endsWith(`.${extension}`) || (extension === 'jpg' && lower.endsWith('.jpeg'));
  const stem = hasExtension ? name : name ? `${name}.${extension}` : `document.${extension}`;
  if (stem.length <= FILE_NAME_LIMIT) return stem;
  const ending = hasExtension ? stem.slice(stem.lastIndexOf('.')) : `.${extension}`;
  return `${stem.slice(0, FILE_NAME_LIMIT - ending.length)}${ending}`;
}

/**
 * The download's Content-Disposition (RFC 6266): always an attachment, never shown inline; a plain
 * ASCII name for old clients and the exact name as UTF-8 in filename* (RFC 8187).
 */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** The chronology's line for an upload: "Police summary uploaded: Statement summary". */
export function documentSummary(kind: DocumentKind, title: string): string {
  return `${DOCUMENT_KINDS[kind]} uploaded: ${title}`;
}

/** The longest reason for removing a document that the form takes (the migration's check says the same). */
export const REMOVAL_REASON_LIMIT = 2000;

/** What the child's chronology says when a document is removed: what happened, naming no one. */
export const REMOVAL_SUMMARY = 'Document removed: uploaded in error.';

/** The reason for removing a document: required, at most the limit, in GOV.UK's words. */
export function removalProblems(reason: string): FormProblem[] {
  const why = reason.trim();
  if (!why) return [{ field: 'reason', message: 'Enter why the document is being removed' }];
  if (why.length > REMOVAL_REASON_LIMIT)
    return [{ field: 'reason', message: tooLong('The reason', REMOVAL_REASON_LIMIT) }];
  return [];
}
