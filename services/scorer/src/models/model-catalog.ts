import type { ModelSet } from '@hostwatch/detectors';

/** The object-store name of a host's own model set. */
export const hostModelName = (host: string): string => `host/${host}`;
/** The object-store name of the model set every other host uses. */
export const FLEET_MODEL_NAME = 'fleet/default';

/**
 * The trained model sets this replica scores with, by object-store name.
 * `generation` changes on every install or removal, so a host notices a
 * new model with one integer comparison per sample.
 */
export class ModelCatalog {
  private readonly models = new Map<string, ModelSet>();
  private version = 0;

  get generation(): number {
    return this.version;
  }

  get size(): number {
    return this.models.size;
  }

  get names(): string[] {
    return [...this.models.keys()];
  }

  install(name: string, model: ModelSet): void {
    this.models.set(name, model);
    this.version++;
  }

  remove(name: string): boolean {
    const removed = this.models.delete(name);
    if (removed) this.version++;
    return removed;
  }

  get(name: string): ModelSet | undefined {
    return this.models.get(name);
  }

  /** The host's own model, else the fleet default, else null. */
  modelFor(host: string): ModelSet | null {
    return (
      this.models.get(hostModelName(host)) ??
      this.models.get(FLEET_MODEL_NAME) ??
      null
    );
  }
}
