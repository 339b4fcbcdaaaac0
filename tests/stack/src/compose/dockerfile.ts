/** What the checks need from a Dockerfile: its stages and COPY sources. */
export interface DockerfileSummary {
  readonly stages: readonly string[];
  /** Sources of `COPY` lines that read the build context. */
  readonly contextSources: readonly string[];
}

/**
 * Reads stage names (`FROM x AS name`) and the build-context sources of
 * `COPY` (not `COPY --from=...`, which copies from another stage). Line
 * continuations are joined first; JSON-array COPY forms are not used here.
 */
export function summariseDockerfile(text: string): DockerfileSummary {
  const lines = text
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  const stages: string[] = [];
  const contextSources: string[] = [];
  for (const line of lines) {
    const from = /^FROM\s+\S+\s+AS\s+(\S+)$/i.exec(line);
    if (from !== null) stages.push(from[1]);
    if (/^COPY\s/i.test(line) && !/--from=/i.test(line)) {
      contextSources.push(...copySources(line));
    }
  }
  return { stages, contextSources };
}

/** `COPY [--chown=..] a b dest`: every word but the flags and the last. */
function copySources(line: string): string[] {
  const words = line.split(/\s+/).slice(1);
  const args = words.filter((word) => !word.startsWith('--'));
  return args.slice(0, -1);
}
