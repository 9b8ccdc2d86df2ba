/**
 * Reads every page of a paginated list. A page that fails ends the list and is recorded: the
 * items read so far are kept, and the coverage entry says the list is incomplete. A token that
 * repeats (a looping endpoint) or a truncated page without a token ends it the same way, rather
 * than looping or quietly dropping the rest.
 */
import type { CollectContext, CommandLike, Failed, ResourceRef, SettingsContext } from './collect-context.js';
import type { ResourceType } from '../../model/resource-types.js';
import type { ServiceName } from '../aws/services.js';
import type { Unknown } from '../../model/unknown.js';

export interface PageSpec<P extends object, I> {
  /** The command for a page; `token` is undefined for the first. */
  readonly command: (token: string | undefined) => CommandLike<P>;
  /** The items of a page. */
  readonly items: (page: P) => readonly I[] | undefined;
  /** The token of the next page, or undefined at the last; `truncated` tells a missing token from the end. */
  readonly next: (page: P) => { readonly token: string | undefined; readonly truncated: boolean };
  readonly region?: string;
  /** The service whose client sends it, when not the collector's own. */
  readonly service?: ServiceName;
  /** The resource the list belongs to (tags of a key), for coverage. */
  readonly resource?: ResourceRef;
}

export interface Pages<I> {
  readonly items: I[];
  readonly pages: number;
  /** Set when the list is incomplete; already recorded in coverage unless it is a "not configured" answer. */
  readonly failed?: Failed;
  /** With `failed` (unless "not configured"): the value for the fields the list would have filled. */
  readonly unknown?: Unknown;
}

export async function readAllPages<T extends ResourceType, P extends object, I>(
  ctx: CollectContext<T> | SettingsContext<T>,
  spec: PageSpec<P, I>,
): Promise<Pages<I>> {
  const items: I[] = [];
  const seen = new Set<string>();
  let token: string | undefined;
  let pages = 0;
  for (;;) {
    const outcome = await ctx.send(spec.command(token), {
      ...(spec.region !== undefined ? { region: spec.region } : {}),
      ...(spec.service !== undefined ? { service: spec.service } : {}),
    });
    if (!outcome.ok) {
      if (outcome.notConfigured) return { items, pages, failed: outcome };
      return { items, pages, failed: outcome, unknown: ctx.unknownOf(outcome, spec.resource) };
    }
    pages++;
    items.push(...(spec.items(outcome.value) ?? []));
    const next = spec.next(outcome.value);
    if (next.token === undefined || next.token === '') {
      if (next.truncated) {
        const failed: Failed = {
          ok: false,
          notConfigured: false,
          failure: { code: 'MissingPageToken', message: `page ${pages} is truncated but carries no token for the next page` },
          call: outcome.call,
        };
        return { items, pages, failed, unknown: ctx.unknownOf(failed, spec.resource) };
      }
      return { items, pages };
    }
    if (seen.has(next.token)) {
      const failed: Failed = {
        ok: false,
        notConfigured: false,
        failure: { code: 'RepeatedPageToken', message: `page ${pages} returns a token already followed` },
        call: outcome.call,
      };
      return { items, pages, failed, unknown: ctx.unknownOf(failed, spec.resource) };
    }
    seen.add(next.token);
    token = next.token;
  }
}
