import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { repoPath } from '../repo-root.js';

/** The parts of a compose service that the checks read. */
export interface ComposeService {
  readonly image?: string;
  readonly build?: { readonly context?: string; readonly target?: string };
  readonly ports?: readonly unknown[];
  readonly expose?: readonly unknown[];
  readonly environment?: Readonly<Record<string, string | null>>;
  readonly volumes?: readonly string[];
  readonly profiles?: readonly string[];
  readonly pid?: string;
}

export interface ComposeFile {
  readonly services: Readonly<Record<string, ComposeService>>;
  readonly [key: string]: unknown;
}

/** docker-compose.yml with its YAML merge keys (`<<`) applied. */
export async function readComposeFile(): Promise<ComposeFile> {
  const text = await readFile(repoPath('docker-compose.yml'), 'utf8');
  return parse(text, { merge: true }) as ComposeFile;
}
