import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { unstable_readConfig } from 'wrangler';

const WRANGLER_TOML = fileURLToPath(new URL('../../wrangler.toml', import.meta.url));

/**
 * A second Worker with Pulse's code and variables whose Durable Object bindings point at the
 * Worker of wrangler.toml (`script_name`), as every isolate in production reaches the same
 * objects: run under `wrangler dev` beside it (one dev registry), it is another instance of the
 * Worker sharing the first one's ClinicQueues and Metrics object. Written as wrangler.json.
 */
export async function writeReplicaConfig(path: string): Promise<string> {
  const primary = unstable_readConfig({ config: WRANGLER_TOML });
  const replica = {
    name: `${primary.name}-replica`,
    main: primary.main,
    compatibility_date: primary.compatibility_date,
    compatibility_flags: primary.compatibility_flags,
    vars: primary.vars,
    durable_objects: {
      bindings: primary.durable_objects.bindings.map((binding: { name: string; class_name: string }) => ({ name: binding.name, class_name: binding.class_name, script_name: primary.name })),
    },
  };
  await writeFile(path, `${JSON.stringify(replica, null, 2)}\n`);
  return path;
}
