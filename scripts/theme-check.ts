/**
 * Runs Shopify's theme-check over every theme app extension, offline, through its Node API.
 * `theme-check:theme-app-extension` is the preset Shopify applies to app extensions; JSON in
 * {% schema %} is checked separately here, since that preset does not (../shared/TOOLCHAIN.md).
 */
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { check } from "@shopify/theme-check-node";

const extensionsDir = resolve(import.meta.dirname, "..", "extensions");
const themes = readdirSync(extensionsDir).filter((name) => existsSync(join(extensionsDir, name, "blocks")));
let problems = 0;

for (const name of themes) {
  const root = join(extensionsDir, name);
  const offenses = await check(root, join(root, ".theme-check.yml"));
  for (const offense of offenses) {
    problems += 1;
    console.error(`${offense.uri.replace(`file://${root}/`, `${name}/`)}:${offense.start.line + 1} ${offense.check}: ${offense.message}`);
  }
  for (const block of readdirSync(join(root, "blocks"))) {
    const source = readFileSync(join(root, "blocks", block), "utf8");
    const schema = /\{%-?\s*schema\s*-?%\}([\s\S]*?)\{%-?\s*endschema\s*-?%\}/.exec(source)?.[1];
    try {
      if (!schema) throw new Error("no {% schema %}");
      const parsed = JSON.parse(schema) as { name?: string; target?: string };
      if (!parsed.name || !parsed.target) throw new Error("schema needs a name and a target");
    } catch (error) {
      problems += 1;
      console.error(`${name}/blocks/${block}: invalid schema: ${(error as Error).message}`);
    }
  }
  console.log(`theme-check ${name}: ${problems === 0 ? "no offenses" : `${problems} offense(s)`}`);
}
process.exit(problems === 0 ? 0 : 1);
