import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { REPO_ROOT, repoPath } from '../repo-root.js';
import { readComposeFile } from './compose-file.js';
import { readComposeSchema } from './compose-schema.js';
import { summariseDockerfile } from './dockerfile.js';

/** Services whose images this repository builds. */
const BUILT = ['collector', 'collector-gpu', 'scorer', 'alerter', 'logger'];

describe('docker-compose.yml', () => {
  it('validates against the compose specification schema', async () => {
    const schema = await readComposeSchema();
    const ajv = new Ajv2019({ strict: false, allErrors: true });
    const validate = ajv.compile(schema);
    const valid = validate(await readComposeFile());
    assert.equal(valid, true, ajv.errorsText(validate.errors));
  });

  it('builds every service image from a stage of the Dockerfile here', async () => {
    const compose = await readComposeFile();
    const dockerfile = await readFile(repoPath('Dockerfile'), 'utf8');
    const { stages } = summariseDockerfile(dockerfile);
    const built = Object.entries(compose.services).filter(
      ([, service]) => service.build !== undefined,
    );
    assert.deepEqual(built.map(([name]) => name).sort(), [...BUILT].sort());
    for (const [name, service] of built) {
      assert.equal(service.build?.context, '.', `${name} build context`);
      assert.ok(
        stages.includes(service.build?.target ?? ''),
        `${name} target "${service.build?.target}": expected one of ${stages.join(', ')}`,
      );
    }
  });

  it('publishes only Grafana beyond the compose network', async () => {
    const compose = await readComposeFile();
    const published = Object.entries(compose.services)
      .filter(([, service]) => (service.ports ?? []).length > 0)
      .map(([name]) => name);
    assert.deepEqual(published, ['grafana']);
  });

  it('makes every NATS client use credentials from the env file', async () => {
    const compose = await readComposeFile();
    for (const [name, service] of Object.entries(compose.services)) {
      const env = service.environment ?? {};
      if (env.NATS_URL === undefined) continue;
      assert.match(env.NATS_USER ?? '', /^\$\{NATS_USER:\?/, name);
      assert.match(env.NATS_PASS ?? '', /^\$\{NATS_PASS:\?/, name);
    }
    const nats = await readFile(repoPath('deploy/nats/nats.conf'), 'utf8');
    assert.match(nats, /password:\s*\$NATS_PASS/);
  });

  it('lets the collector see the host read-only', async () => {
    const { services } = await readComposeFile();
    for (const name of ['collector', 'collector-gpu']) {
      const service = services[name];
      assert.equal(service.pid, 'host', name);
      assert.ok(service.volumes?.includes('/proc:/host/proc:ro'), name);
      assert.ok(service.volumes?.includes('/sys:/host/sys:ro'), name);
      assert.equal(service.environment?.COLLECTOR_PROC_ROOT, '/host/proc');
      assert.equal(service.environment?.COLLECTOR_SYS_ROOT, '/host/sys');
    }
    assert.deepEqual(services['collector-gpu'].profiles, ['gpu']);
  });

  it('mounts files that exist here', async () => {
    const { services } = await readComposeFile();
    const binds = Object.values(services)
      .flatMap((service) => service.volumes ?? [])
      .map((volume) => volume.split(':')[0])
      .filter((source) => source.startsWith('./'));
    assert.ok(binds.length >= 4);
    for (const source of binds) assert.ok(existsSync(repoPath(source)), source);
  });

  it('commits no env file, only its example', () => {
    const tracked = execFileSync('git', ['ls-files', '.env', '.env.example'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    });
    assert.deepEqual(tracked.trim().split('\n'), ['.env.example']);
  });
});

describe('Dockerfile', () => {
  it('copies only sources that exist in the build context', async () => {
    const text = await readFile(repoPath('Dockerfile'), 'utf8');
    const { contextSources } = summariseDockerfile(text);
    assert.ok(contextSources.length > 0);
    for (const source of contextSources) {
      assert.ok(existsSync(repoPath(source)), `COPY source ${source}`);
    }
  });

  it('runs every service stage as the non-root node user', async () => {
    const text = await readFile(repoPath('Dockerfile'), 'utf8');
    const runtime = text.slice(text.indexOf('AS runtime'));
    assert.match(runtime, /^USER node$/m);
    assert.doesNotMatch(runtime, /^USER root$/m);
  });
});
