// The errors services raise, each answered by its own page: 404, 403, 409, or the form again (400).
// Their own module so that a service imports them without the rest of context.ts (issue 12).

/** The record does not exist, or the user may not know it exists: both answer 404. */
export class NotFoundError extends Error {
  constructor(message = 'Not found') {
    super(message);
    this.name = 'NotFoundError';
  }
}

/** The user is known not to hold the role a page needs. */
export class ForbiddenError extends Error {
  constructor(message = 'Forbidden') {
    super(message);
    this.name = 'ForbiddenError';
  }
}

/** A save based on an old version: someone else saved first. */
export class ConflictError extends Error {
  readonly changedBy: string | null;
  readonly changedAt: Date | null;
  readonly differences: { label: string; saved: string; yours: string }[];

  constructor(
    changedBy: string | null,
    changedAt: Date | null,
    differences: { label: string; saved: string; yours: string }[],
  ) {
    super('Stale save refused');
    this.name = 'ConflictError';
    this.changedBy = changedBy;
    this.changedAt = changedAt;
    this.differences = differences;
  }
}

/** Input the domain refuses; messages are keyed by field, in GOV.UK wording. */
export class ValidationError extends Error {
  readonly errors: { field: string; message: string }[];

  constructor(errors: { field: string; message: string }[]) {
    super('Invalid input');
    this.name = 'ValidationError';
    this.errors = errors;
  }
}
