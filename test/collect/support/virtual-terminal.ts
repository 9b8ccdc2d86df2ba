/**
 * A terminal that interprets what the progress display writes — text, `\r`, `\n`, autowrap at
 * the last column, scrolling at the last row, and the three escapes the display uses (cursor up,
 * erase line, erase below) — so tests assert what a person would see, including the smearing a
 * frame taller or wider than the terminal would cause. Any other escape fails the test.
 */
export class VirtualTerminal {
  readonly isTTY = true;
  /** Every chunk written, in order. */
  readonly writes: string[] = [];
  /** Scrollback and screen. */
  private readonly lines: string[] = [''];
  private top = 0;
  private row = 0;
  private col = 0;

  constructor(
    public columns: number,
    public rows: number,
  ) {}

  write(chunk: string): boolean {
    this.writes.push(chunk);
    for (let i = 0; i < chunk.length; i++) {
      const ch = chunk[i]!;
      if (ch === '\x1b') {
        // eslint-disable-next-line no-control-regex -- an ANSI escape sequence starts with ESC
        const match = /^\x1b\[(\d*)([A-Za-z])/.exec(chunk.slice(i));
        if (match === null) throw new Error(`unexpected escape at ${JSON.stringify(chunk.slice(i, i + 8))}`);
        this.escape(match[1]!, match[2]!);
        i += match[0].length - 1;
      } else if (ch === '\n') this.lineFeed();
      else if (ch === '\r') this.col = 0;
      else this.put(ch);
    }
    return true;
  }

  /** The rows on screen, trailing blanks trimmed. */
  screen(): string[] {
    const shown = this.lines.slice(this.top, this.top + this.rows).map((line) => line.trimEnd());
    while (shown.length > 0 && shown[shown.length - 1] === '') shown.pop();
    return shown;
  }

  /** Everything ever shown: scrollback and screen. */
  all(): string[] {
    return this.lines.map((line) => line.trimEnd());
  }

  private escape(parameter: string, command: string): void {
    const n = parameter === '' ? 1 : Number(parameter);
    if (command === 'A') {
      // A terminal moves at least one line, and never above the top of the screen.
      this.row = Math.max(this.top, this.row - Math.max(1, n));
      this.col = Math.min(this.col, this.columns - 1);
    } else if (command === 'K' && parameter === '2') this.lines[this.row] = '';
    else if (command === 'J' && (parameter === '' || parameter === '0')) {
      this.lines[this.row] = this.lines[this.row]!.slice(0, this.col);
      this.lines.length = this.row + 1;
    } else throw new Error(`unexpected escape ESC[${parameter}${command}`);
  }

  private lineFeed(): void {
    this.row++;
    this.col = 0;
    while (this.lines.length <= this.row) this.lines.push('');
    if (this.row >= this.top + this.rows) this.top = this.row - this.rows + 1;
  }

  private put(ch: string): void {
    // Autowrap: a character after the last column goes to the next line.
    if (this.col >= this.columns) this.lineFeed();
    const line = this.lines[this.row]!.padEnd(this.col, ' ');
    this.lines[this.row] = line.slice(0, this.col) + ch + line.slice(this.col + 1);
    this.col++;
  }
}
