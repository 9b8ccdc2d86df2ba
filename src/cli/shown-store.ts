/** The store as a person reads it: a SQLite file relative to the working directory when inside it. */
import { isAbsolute, relative } from 'node:path';
import type { Store } from '../store/store.js';
import type { CliIo } from './io.js';

export function shownStore(io: CliIo, store: Store): string {
  if (store.engine !== 'sqlite') return store.description;
  const shown = relative(io.workDir, store.description);
  return shown === '' || shown.startsWith('..') || isAbsolute(shown) ? store.description : shown;
}
