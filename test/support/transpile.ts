/**
 * Child processes of a test run the project's TypeScript: Node 20 cannot, so the entry file and
 * every source it imports (relatively) are transpiled — without type checking, which the test run
 * does — into a mirror tree under node_modules/.cache, where bare imports still find node_modules.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { packageRoot } from '../../src/package-root.js';

const IMPORT = /(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)\.js'/g;

function mirror(): string {
  return join(packageRoot(), 'node_modules', '.cache', 'vigil-test', String(process.pid));
}

/** Transpiles `entry` (a .ts file) and what it imports; returns the JavaScript file to run. */
export function transpiled(entry: string): string {
  const root = packageRoot();
  const out = mirror();
  const pending = [resolve(entry)];
  const done = new Set<string>();
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (done.has(file)) continue;
    done.add(file);
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(IMPORT)) pending.push(resolve(dirname(file), `${match[1]}.ts`));
    const target = join(out, relative(root, file)).replace(/\.ts$/, '.js');
    mkdirSync(dirname(target), { recursive: true });
    const output = ts.transpileModule(source, { fileName: file, compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } });
    writeFileSync(target, output.outputText);
  }
  return join(out, relative(root, resolve(entry))).replace(/\.ts$/, '.js');
}

/** Removes this process's transpiled tree. */
export function removeTranspiled(): void {
  rmSync(mirror(), { recursive: true, force: true });
}
