/** A running part of a stress episode; `stop` releases what it holds. */
export interface LoadHandle {
  readonly name: string;
  stop(): Promise<void>;
}
