/**
 * Runs Shopify's theme-check over every theme app extension, offline, through its Node API, with
 * both presets the project holds itself to:
 *   - theme-check:theme-app-extension, the preset Shopify applies to app extensions;
 *   - theme-check:recommended, whose ValidSchema check validates {% schema %} JSON but does not know
 *     the keys only app blocks have (../shared/TOOLCHAIN.md): exactly those offenses are read past.
 */
import { readdirSync, existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { check } from "@shopify/theme-check-node";

const APP_BLOCK_ONLY_KEYS = ["target", "javascript", "stylesheet", "enabled_on", "disabled_on", "available_if"];
const extensionsDir = resolve(import.meta.dirname, "..", "extensions");
const configs = mkdtempSync(join(tmpdir(), "orchard-theme-check-"));
const presets = ["theme-check:theme-app-extension", "theme-check:recommended"].map((preset) => {
  const path = join(configs, `${preset.replace(/\W/g, "-")}.yml`);
  writeFileSync(path, `extends: ${preset}\n`);
  return { preset, path };
});

const appBlockKey = (message: string) => APP_BLOCK_ONLY_KEYS.some((key) => message === `Property ${key} is not allowed.`);

let problems = 0;
for (const name of readdirSync(extensionsDir).filter((entry) => existsSync(join(extensionsDir, entry, "blocks")))) {
  const root = join(extensionsDir, name);
  for (const { preset, path } of presets) {
    const offenses = (await check(root, path)).filter(
      (o) => !(preset === "theme-check:recommended" && o.check === "ValidSchema" && appBlockKey(o.message)),
    );
    for (const offense of offenses)
      console.error(`${offense.uri.replace(`file://${root}/`, `${name}/`)}:${offense.start.line + 1} ${offense.check}: ${offense.message}`);
    problems += offenses.length;
    console.log(`theme-check ${name} (${preset}): ${offenses.length === 0 ? "no offenses" : `${offenses.length} offense(s)`}`);
  }
}
process.exit(problems === 0 ? 0 : 1);
