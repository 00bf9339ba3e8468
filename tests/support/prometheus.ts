/**
 * Debian's real Prometheus and promtool (`apt-get install prometheus`; .ci/run installs them when
 * missing), run on a loopback port with temporary storage, stopped with the test.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { z } from 'zod';
import { findFreePort } from '../../scripts/lib/free-port.ts';
import { startManagedProcess, type ManagedProcess } from '../../scripts/lib/managed-process.ts';
import { waitForHttp } from '../../scripts/lib/wait-for.ts';

/** The path of a Prometheus binary, from PATH or Debian's /usr/bin; fails saying how to install it. */
export function prometheusBinary(name: 'prometheus' | 'promtool'): string {
  const directories = [...(process.env.PATH ?? '').split(delimiter), '/usr/bin', '/usr/local/bin'].filter((directory) => directory !== '');
  const found = directories.map((directory) => join(directory, name)).find((path) => existsSync(path));
  if (found === undefined) throw new Error(`${name} not found: install Debian's prometheus package (apt-get install -y prometheus), as .ci/run does`);
  return found;
}

/** Runs promtool with `args` (and `input` on stdin); resolves with its exit code and output. */
export function promtool(args: readonly string[], input?: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(prometheusBinary('promtool'), args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
    child.stdin.end(input);
  });
}

const SampleSchema = z.tuple([z.number(), z.string()]);
const LabelsSchema = z.record(z.string(), z.string());

/** The query API's answer (https://prometheus.io/docs/prometheus/latest/querying/api/). */
const AnswerSchema = z.object({
  status: z.enum(['success', 'error']),
  data: z
    .discriminatedUnion('resultType', [
      z.object({ resultType: z.literal('vector'), result: z.array(z.object({ metric: LabelsSchema, value: SampleSchema })) }),
      z.object({ resultType: z.literal('matrix'), result: z.array(z.object({ metric: LabelsSchema, values: z.array(SampleSchema) })) }),
      z.object({ resultType: z.literal('scalar'), result: SampleSchema }),
      z.object({ resultType: z.literal('string'), result: SampleSchema }),
    ])
    .optional(),
  errorType: z.string().optional(),
  error: z.string().optional(),
});

export type PrometheusAnswer = z.infer<typeof AnswerSchema>;

export interface RunningPrometheus {
  url: string;
  /** An instant query over the HTTP API (`time` in seconds), answered as Prometheus answers it. */
  query(expression: string, time?: number): Promise<PrometheusAnswer>;
  /** The single value of a query whose answer is one sample or a scalar; undefined when empty. */
  value(expression: string, time?: number): Promise<number | undefined>;
  process: ManagedProcess;
}

/** Starts Prometheus with `config` (YAML) in `dataDir` and waits until it is ready. */
export async function startPrometheus(dataDir: string, config: string, onLine?: (line: string) => void): Promise<RunningPrometheus> {
  await mkdir(join(dataDir, 'tsdb'), { recursive: true });
  const configPath = join(dataDir, 'prometheus.yml');
  await writeFile(configPath, config);
  const port = await findFreePort();
  const url = `http://127.0.0.1:${port}`;
  const running = startManagedProcess(
    'prometheus',
    prometheusBinary('prometheus'),
    [`--config.file=${configPath}`, `--storage.tsdb.path=${join(dataDir, 'tsdb')}`, `--web.listen-address=127.0.0.1:${port}`, '--log.level=warn'],
    { onLine },
  );
  try {
    await waitForHttp(`${url}/-/ready`, { timeoutMs: 30_000, exited: running.exited });
  } catch (error) {
    await running.stop();
    throw error;
  }
  const query = async (expression: string, time?: number): Promise<PrometheusAnswer> => {
    const parameters = new URLSearchParams({ query: expression });
    if (time !== undefined) parameters.set('time', String(time));
    const response = await fetch(`${url}/api/v1/query`, { method: 'POST', body: parameters });
    return AnswerSchema.parse(await response.json());
  };
  const value = async (expression: string, time?: number): Promise<number | undefined> => {
    const { status, data, errorType, error } = await query(expression, time);
    if (status !== 'success' || data === undefined) throw new Error(`${expression}: ${errorType ?? ''} ${error ?? ''}`);
    if (data.resultType === 'scalar') return Number(data.result[1]);
    if (data.resultType !== 'vector') throw new Error(`${expression}: a ${data.resultType}, not one value`);
    const [first] = data.result;
    return first === undefined ? undefined : Number(first.value[1]);
  };
  return { url, query, value, process: running };
}
