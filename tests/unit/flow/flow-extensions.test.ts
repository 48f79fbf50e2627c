import { readdirSync, readFileSync } from "node:fs";
import { parse } from "smol-toml";
import { describe, expect, it } from "vitest";
import { FLOW_ACTIONS } from "../../../app/flow/flow-actions";
import { FLOW_TRIGGERS } from "../../../app/flow/flow-triggers";
import en from "../../../app/i18n/locales/en.json";

interface ExtensionToml {
  extensions: { type: string; name: string; handle: string; runtime_url?: string; url?: string }[];
  settings?: { fields?: { type: string; key?: string; required?: boolean }[] };
}

/** The app's extension configurations, as `shopify app deploy` uploads them. */
const extensions = readdirSync("extensions")
  .filter((dir) => dir.startsWith("flow-"))
  .map((dir) => ({ dir, toml: parse(readFileSync(`extensions/${dir}/shopify.extension.toml`, "utf8")) as unknown as ExtensionToml }));

const declared = (type: string) =>
  extensions.flatMap(({ dir, toml }) =>
    toml.extensions.filter((e) => e.type === type).map((extension) => ({ dir, extension, fields: toml.settings?.fields ?? [] })),
  );

describe("Flow extensions", () => {
  it("declare each trigger Orchard sends, with the catalogue's name, references and fields, and no other", () => {
    const triggers = declared("flow_trigger");
    expect(triggers.map((t) => t.extension.handle).sort()).toEqual(Object.keys(FLOW_TRIGGERS).sort());
    for (const { dir, extension, fields } of triggers) {
      const definition = FLOW_TRIGGERS[extension.handle as keyof typeof FLOW_TRIGGERS];
      expect(dir).toBe(`flow-${extension.handle}`);
      expect(extension.name).toBe(definition.name);
      expect(fields.filter((f) => f.type.endsWith("_reference")).map((f) => f.type)).toEqual(
        definition.references.map((r) => `${r}_reference`),
      );
      expect(Object.fromEntries(fields.filter((f) => f.key).map((f) => [f.key, f.type]))).toEqual(definition.fields);
    }
  });

  it("declare each action Orchard takes, every field required, run at its own path of the app", () => {
    const actions = declared("flow_action");
    expect(actions.map((a) => a.extension.handle).sort()).toEqual(Object.keys(FLOW_ACTIONS).sort());
    for (const { extension, fields } of actions) {
      const definition = FLOW_ACTIONS[extension.handle as keyof typeof FLOW_ACTIONS];
      expect(extension.name).toBe(definition.name);
      expect(extension.runtime_url).toBe(`/flow/actions/${extension.handle}`);
      expect(Object.fromEntries(fields.map((f) => [f.key, f.type]))).toEqual(definition.fields);
      expect(fields.every((f) => f.required === true)).toBe(true);
    }
  });

  it("have Flow's lifecycle callback reach the route that records it", () => {
    expect(declared("flow_trigger_lifecycle_callback").map((c) => c.extension.url)).toEqual(["/flow/lifecycle"]);
  });

  it("name triggers and actions as Flow asks: ≤ 30 character handles, sentence case, no punctuation", () => {
    for (const { extension } of [...declared("flow_trigger"), ...declared("flow_action")]) {
      expect(extension.handle.length).toBeLessThanOrEqual(30);
      expect(extension.handle).toMatch(/^[a-z0-9-]+$/);
      expect(extension.name).toMatch(/^[A-Z][a-z ]+$/);
    }
  });

  it("are named on Orchard's integrations page as Flow names them", () => {
    expect(en.integrations.flow.triggerNames).toEqual(
      Object.fromEntries(Object.entries(FLOW_TRIGGERS).map(([handle, t]) => [handle, t.name])),
    );
  });
});
