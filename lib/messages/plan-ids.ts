import * as z from 'zod/mini';

/** A plan's id, as the background makes it. */
export const PlanIdSchema = z.string().check(z.minLength(1), z.maxLength(64), z.regex(/^[A-Za-z0-9_-]+$/));

/** A confirmation's or adjustment's own id: a retried message is applied once. */
export const RequestIdSchema = z.string().check(z.minLength(8), z.maxLength(64));
