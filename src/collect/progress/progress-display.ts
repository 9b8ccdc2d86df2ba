/**
 * The progress of a collection on a terminal: a block of lines redrawn in place (ANSI cursor-up
 * and erase-line; no curses library) at most ten times a second — a header with the run's totals,
 * one line per account in progress (regions and services done of its plan, the services it still
 * waits on), finished accounts collapsed to one line each. The block never holds more lines than
 * the terminal has rows less one, nor a line wider than its columns less one: a line that wrapped
 * or scrolled away would put the cursor-up off by one and smear every frame after it. An account
 * that could not be collected is printed once above the block, where it stays; the final summary
 * replaces the block and stays too.
 */
import type { CollectEvent, CollectLog } from './collect-log.js';
import { CollectProgress, type AccountProgress } from './progress-state.js';

/** The terminal stream: `process.stderr` when it is a TTY. */
export interface ProgressTerminal {
  write(chunk: string): unknown;
  readonly columns?: number;
  readonly rows?: number;
}

/** The API call counts of the run so far (the clients' call statistics). */
export interface CallTotals {
  readonly calls: number;
  readonly throttles: number;
  readonly retries?: number;
  readonly failures?: number;
}

export interface ProgressDisplayOptions {
  /** Milliseconds, for the elapsed time; default `performance.now`. */
  readonly now?: () => number;
  /** Time between redraws; 100 ms, ten a second, at most. */
  readonly intervalMs?: number;
}

const DEFAULT_COLUMNS = 80;
const DEFAULT_ROWS = 24;
const MIN_INTERVAL_MS = 100;
/** Services named on an account's line before `+N`. */
const PENDING_SHOWN = 4;

const ESC = '\x1b[';
const ERASE_LINE = `${ESC}2K`;
const ERASE_BELOW = `${ESC}J`;

export interface TerminalSize {
  readonly columns: number;
  readonly rows: number;
}

function sizeOf(terminal: ProgressTerminal): TerminalSize {
  const columns = terminal.columns !== undefined && terminal.columns > 0 ? terminal.columns : DEFAULT_COLUMNS;
  const rows = terminal.rows !== undefined && terminal.rows > 0 ? terminal.rows : DEFAULT_ROWS;
  return { columns, rows };
}

/** The line cut to the terminal's width less one column, so that it never wraps. */
export function fit(line: string, columns: number): string {
  const width = Math.max(1, columns - 1);
  const chars = [...line];
  return chars.length <= width ? line : `${chars.slice(0, width - 1).join('')}…`;
}

const count = (n: number): string => n.toLocaleString('en-US');

export function duration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m${String(seconds % 60).padStart(2, '0')}s`;
  return `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, '0')}m`;
}

function label(account: AccountProgress): string {
  return account.name === account.accountId ? account.accountId : `${account.name} (${account.accountId})`;
}

function callParts(calls: CallTotals): string[] {
  return [
    `${count(calls.calls)} API calls`,
    `${count(calls.retries ?? 0)} retries, ${count(calls.throttles)} throttles`,
    `${count(calls.failures ?? 0)} failed calls`,
  ];
}

function headerLine(progress: CollectProgress, calls: CallTotals, elapsedMs: number): string {
  const t = progress.totals();
  const percent = t.units > 0 ? Math.floor((100 * t.unitsDone) / t.units) : 0;
  return [
    `collecting ${t.accountsDone + t.accountsFailed}/${t.accounts} accounts${t.accountsFailed > 0 ? ` (${t.accountsFailed} not collected)` : ''}`,
    `${count(t.unitsDone)}/${count(t.units)} units (${percent}%)`,
    `${count(t.resources)} resources`,
    ...callParts(calls),
    duration(elapsedMs),
  ].join(' · ');
}

function activeLine(account: AccountProgress): string {
  if (account.status === 'starting') return `  ▸ ${label(account)}  connecting…`;
  const pending = CollectProgress.servicesPending(account);
  const waiting =
    pending.length === 0
      ? ''
      : `  waiting: ${pending.slice(0, PENDING_SHOWN).join(', ')}${pending.length > PENDING_SHOWN ? ` +${pending.length - PENDING_SHOWN}` : ''}`;
  return (
    `  ▸ ${label(account)}  regions ${CollectProgress.regionsDone(account)}/${account.regions.length}` +
    `  services ${CollectProgress.servicesDone(account)}/${account.services.size}` +
    `  units ${count(account.unitsDone)}/${count(account.units)}  ${count(account.resources)} resources` +
    `${account.failures > 0 ? `  ${count(account.failures)} unreadable` : ''}${waiting}`
  );
}

function finishedLine(account: AccountProgress): string {
  const gaps = account.failures > 0 ? ` · ${count(account.failures)} unreadable` : '';
  return `  ✓ ${label(account)}  ${account.regions.length} regions · ${count(account.resources)} resources${gaps} · ${duration(account.seconds * 1000)}`;
}

/**
 * One frame: the header, the accounts in progress (the first to start first), then the finished
 * ones (the latest first) while rows are left; what does not fit is counted on one line.
 */
export function renderFrame(progress: CollectProgress, calls: CallTotals, elapsedMs: number, size: TerminalSize): string[] {
  const room = Math.max(0, size.rows - 2);
  const lines = [headerLine(progress, calls, elapsedMs)];
  const active = progress.inProgress();
  const finished = progress.finished();
  if (active.length > room) {
    const shown = Math.max(0, room - 1);
    lines.push(...active.slice(0, shown).map(activeLine));
    if (room > 0) lines.push(`  … ${active.length - shown} more accounts in progress`);
  } else {
    lines.push(...active.map(activeLine));
    const left = room - active.length;
    if (finished.length <= left) lines.push(...finished.map(finishedLine));
    else if (left > 0) {
      lines.push(...finished.slice(0, left - 1).map(finishedLine));
      lines.push(`  ✓ ${finished.length - (left - 1)} more accounts collected`);
    }
  }
  return lines.map((line) => fit(line, size.columns));
}

/** The parts joined with ` · `, broken into lines at the width rather than cut. */
function wrapParts(parts: readonly string[], columns: number): string[] {
  const width = Math.max(1, columns - 1);
  const lines: string[] = [];
  let line = '';
  for (const part of parts) {
    const joined = line === '' ? part : `${line} · ${part}`;
    if ([...joined].length <= width || line === '') line = joined;
    else {
      lines.push(line);
      line = `  ${part}`;
    }
  }
  if (line !== '') lines.push(line);
  return lines.map((l) => fit(l, columns));
}

/** What stays on screen at the end: each collected account while they fit, then the totals. */
export function renderSummary(progress: CollectProgress, calls: CallTotals, elapsedMs: number, size: TerminalSize): string[] {
  const t = progress.totals();
  const totals = wrapParts(
    [
      `collected ${t.accountsDone}/${t.accounts} accounts${t.accountsFailed > 0 ? ` (${t.accountsFailed} not collected)` : ''}`,
      `${count(t.unitsDone)} units`,
      `${count(t.resources)} resources`,
      ...(t.failures > 0 ? [`${count(t.failures)} unreadable`] : []),
      ...callParts(calls),
      `in ${duration(elapsedMs)}`,
    ],
    size.columns,
  );
  const accounts = progress.finished().reverse().map(finishedLine);
  return accounts.length + totals.length <= size.rows - 1 ? [...accounts.map((line) => fit(line, size.columns)), ...totals] : totals;
}

/** Draws a block of lines in place, below whatever was printed before it. */
class InPlaceBlock {
  private drawn = 0;
  private last: readonly string[] = [];

  constructor(private readonly terminal: ProgressTerminal) {}

  /** Redraws the block; nothing is written when it did not change. */
  draw(lines: readonly string[]): void {
    if (lines.length === this.last.length && lines.every((line, i) => line === this.last[i])) return;
    this.terminal.write(`${this.home()}${lines.map((line) => `${ERASE_LINE}${line}\n`).join('')}${ERASE_BELOW}`);
    this.drawn = lines.length;
    this.last = [...lines];
  }

  /** Replaces the block with lines that stay; the next frame is drawn below them. */
  print(lines: readonly string[]): void {
    this.terminal.write(`${this.home()}${ERASE_BELOW}${lines.map((line) => `${line}\n`).join('')}`);
    this.drawn = 0;
    this.last = [];
  }

  /** To the first column of the block's first line. (`ESC[0A` would move one line up.) */
  private home(): string {
    return this.drawn > 0 ? `\r${ESC}${this.drawn}A` : '\r';
  }
}

/** The collection log on a terminal: the progress display. */
export function progressCollectLog(terminal: ProgressTerminal, stats: () => CallTotals, options: ProgressDisplayOptions = {}): CollectLog {
  const now = options.now ?? (() => performance.now());
  const intervalMs = Math.max(MIN_INTERVAL_MS, options.intervalMs ?? MIN_INTERVAL_MS);
  const progress = new CollectProgress();
  const block = new InPlaceBlock(terminal);
  let started: number | undefined;
  let ticker: ReturnType<typeof setInterval> | undefined;
  const elapsed = () => now() - (started ?? now());
  const redraw = () => block.draw(renderFrame(progress, stats(), elapsed(), sizeOf(terminal)));

  return {
    emit(event: CollectEvent) {
      if (started === undefined) {
        started = now();
        // Frames are drawn on the tick only, which bounds the rate however fast events come; the
        // tick never keeps the process alive.
        ticker = setInterval(redraw, intervalMs);
        ticker.unref?.();
      }
      progress.apply(event);
      if (event.event === 'account-failed') {
        const failure = `  ✗ ${event.name === event.accountId ? event.accountId : `${event.name} (${event.accountId})`} was not collected: ${event.code}: ${event.message}`;
        block.print([failure]);
      } else if (event.event === 'done') {
        if (ticker !== undefined) clearInterval(ticker);
        ticker = undefined;
        block.print(renderSummary(progress, stats(), elapsed(), sizeOf(terminal)));
      }
    },
  };
}
