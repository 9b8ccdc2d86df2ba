/**
 * Analyses of one resource that several insights, or one insight under several parameter sets,
 * need: the bucket's policy analysis, the key its encryption names, the region's alarm chains.
 * An analysis is a pure function of the resource and the inventory, so the engine computes it once
 * per resource visited, whoever asks first, and forgets it when it visits the next resource.
 */
import type { Inventory } from './inventory.js';

/** A pure function of a resource and the inventory: no parameters, no clock, no account settings. */
export type ResourceAnalysis<R, T> = (resource: R, inventory: Inventory) => T;

export class ResourceMemo {
  private visited: unknown = undefined;
  // Keyed by the analysis function: a module-level function is one key for the whole scan.
  private readonly results = new Map<ResourceAnalysis<never, unknown>, unknown>();

  constructor(private readonly inventory: Inventory) {}

  /** Starts on the next resource: the engine calls it before evaluating the resource's insights. */
  visit(resource: unknown): void {
    this.visited = resource;
    if (this.results.size > 0) this.results.clear();
  }

  /** The analysis of the resource, computed once per visit of it; any other resource is analysed afresh. */
  of<R, T>(analysis: ResourceAnalysis<R, T>, resource: R): T {
    if (resource !== this.visited) return analysis(resource, this.inventory);
    const key = analysis as ResourceAnalysis<never, unknown>;
    const found = this.results.get(key);
    if (found !== undefined || this.results.has(key)) return found as T;
    const result = analysis(resource, this.inventory);
    this.results.set(key, result);
    return result;
  }
}
