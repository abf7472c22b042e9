// Errors that services raise and entry points translate for the user.

/** The resource doesn't exist or the actor may not know it exists: both answer 404. */
export class NotFoundError extends Error {
  constructor(what = "That record") {
    super(`${what} was not found.`);
    this.name = "NotFoundError";
  }
}

/** The actor is known but their role may not do this. */
export class ForbiddenError extends Error {
  constructor(message = "Your role may not do this.") {
    super(message);
    this.name = "ForbiddenError";
  }
}

export class UnauthenticatedError extends Error {
  constructor() {
    super("You are signed out. Sign in again to continue; what you typed is still on this page.");
    this.name = "UnauthenticatedError";
  }
}

/** A business rule refused the change; `problems` are shown to the user as a list. */
export class RuleViolationError extends Error {
  constructor(
    message: string,
    readonly problems: string[] = [],
    /** The form field the rule is about, so the message can sit beside it. */
    readonly field?: string,
  ) {
    super(message);
    this.name = "RuleViolationError";
  }
}

/** Someone else changed the record since the user loaded it. */
export class StaleVersionError extends Error {
  constructor() {
    super("This proposal changed since you opened it. Reload the page to see the latest version, then try again.");
    this.name = "StaleVersionError";
  }
}

/**
 * A draft save from an old copy would undo what others saved since: refused,
 * with each change they made ("Title was changed by Dana Lee at 2:02 PM EST to “…”").
 */
export class DraftConflictError extends StaleVersionError {
  constructor(
    readonly changes: string[],
    /** The version the draft is at now: saving again from it keeps the user's copy over theirs. */
    readonly currentVersion: number,
  ) {
    super();
    this.message = "Not saved: someone else changed this since you opened it. What you typed is still here.";
    this.name = "DraftConflictError";
  }
}

/** The change could not get its turn in time (e.g. the exposure-cap lock); nothing was saved. */
export class BusyError extends Error {
  constructor() {
    super("The portal is busy; nothing was saved. Try again in a moment.");
    this.name = "BusyError";
  }
}

/** Record ids are cuids; anything else can't name a record. */
export const RECORD_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** An id from a URL that can't be a record id names nothing: 404, before any query. */
export function requireRecordId(id: string, what: string): void {
  if (!RECORD_ID.test(id)) throw new NotFoundError(what);
}
