/**
 * The message of something thrown: an Error's message, the first of an AggregateError's (what
 * `pg` and Node's network stack throw when every address failed), or the value as text.
 */
export function errorMessage(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return errorMessage(error.errors[0]);
  if (error instanceof Error) return error.message;
  return typeof error === 'string' ? error : (JSON.stringify(error) ?? String(error));
}
