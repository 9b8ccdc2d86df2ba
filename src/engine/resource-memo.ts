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
  // A resource has a few analyses at most: parallel arrays searched in order beat a map.
  private readonly analyses: ResourceAnalysis<never, unknown>[] = [];
  private readonly results: unknown[] = [];
  private count = 0;

  constructor(private readonly inventory: Inventory) {}

  /** Starts on the next resource: the engine calls it before evaluating the resource's insights. */
  visit(resource: unknown): void {
    this.visited = resource;
    for (let i = 0; i < this.count; i++) this.results[i] = undefined;
    this.count = 0;
  }

  /** The analysis of the resource, computed once per visit of it; any other resource is analysed afresh. */
  of<R, T>(analysis: ResourceAnalysis<R, T>, resource: R): T {
    if (resource !== this.visited) return analysis(resource, this.inventory);
    const key = analysis as ResourceAnalysis<never, unknown>;
    for (let i = 0; i < this.count; i++) if (this.analyses[i] === key) return this.results[i] as T;
    const result = analysis(resource, this.inventory);
    this.analyses[this.count] = key;
    this.results[this.count] = result;
    this.count++;
    return result;
  }
}
