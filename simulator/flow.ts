import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "smol-toml";
import type { DeclaredField, FlowExtensions, ShopRecord } from "./store";
import { bodyHmac } from "./webhooks";

/**
 * Shopify Flow, as far as an app meets it (docs/simulator.md): the triggers and actions the app's
 * extensions declare (read from extensions/*\/shopify.extension.toml, as `shopify app deploy`
 * uploads them), `flowTriggerReceive` checked against the trigger's declared fields, and the
 * requests Flow sends the app: the lifecycle callback when a merchant turns a workflow on or off,
 * and an action's run. Both are signed like webhooks (HMAC-SHA256 of the body, base64).
 */

/** The flow-related extensions among the app's extensions. */
export function readFlowExtensions(extensionsDir: string): FlowExtensions {
  const found: FlowExtensions = { triggers: new Map(), actions: new Map(), lifecycleUrl: null };
  if (!existsSync(extensionsDir)) return found;
  for (const entry of readdirSync(extensionsDir)) {
    const path = join(extensionsDir, entry, "shopify.extension.toml");
    if (!existsSync(path)) continue;
    const toml = parse(readFileSync(path, "utf8")) as {
      extensions?: { type: string; name: string; handle: string; url?: string; runtime_url?: string }[];
      settings?: { fields?: DeclaredField[] };
    };
    for (const extension of toml.extensions ?? []) {
      const fields = toml.settings?.fields ?? [];
      if (extension.type === "flow_trigger") found.triggers.set(extension.handle, { name: extension.name, fields });
      if (extension.type === "flow_action") {
        found.actions.set(extension.handle, { name: extension.name, runtimeUrl: extension.runtime_url ?? "", fields });
      }
      if (extension.type === "flow_trigger_lifecycle_callback") found.lifecycleUrl = extension.url ?? null;
    }
  }
  return found;
}

/** Shopify's limit on a trigger's payload. */
const MAX_PAYLOAD_BYTES = 50_000;

/** A reference field's payload key: customer_reference → customer_id. */
const referenceKey = (type: string) => `${type.replace(/_reference$/, "")}_id`;

function valueFits(type: string, value: unknown): boolean {
  switch (type) {
    case "number_integer":
      return Number.isInteger(value);
    case "number_decimal":
      return typeof value === "number" && Number.isFinite(value);
    case "boolean":
      return typeof value === "boolean";
    default:
      return typeof value === "string";
  }
}

/**
 * flowTriggerReceive: the trigger must be one the app declared and the payload hold every field it
 * declared, each of its type (a reference as the object's numeric id), and nothing else; Shopify
 * answers a plain UserError (no code) otherwise. Accepted runs are kept on the shop for tests.
 */
export function receiveFlowTrigger(
  extensions: FlowExtensions,
  shop: ShopRecord,
  handle: unknown,
  payload: unknown,
  now: Date,
): { userErrors: { field: string[]; message: string }[] } {
  const refuse = (field: string, message: string) => ({ userErrors: [{ field: [field], message }] });
  const trigger = typeof handle === "string" ? extensions.triggers.get(handle) : undefined;
  if (!trigger) return refuse("handle", `Trigger with handle ${String(handle)} not found`);
  if (typeof payload !== "object" || payload === null || Array.isArray(payload)) return refuse("payload", "Payload must be an object");
  if (Buffer.byteLength(JSON.stringify(payload)) > MAX_PAYLOAD_BYTES) return refuse("payload", "Payload is too large");
  const given = payload as Record<string, unknown>;
  const declared = trigger.fields.map((field) =>
    field.type.endsWith("_reference")
      ? { key: referenceKey(field.type), type: "number_integer" }
      : { key: field.key ?? "", type: field.type },
  );
  for (const field of declared) {
    if (!(field.key in given)) return refuse("payload", `Missing required field: ${field.key}`);
    if (!valueFits(field.type, given[field.key])) return refuse("payload", `Invalid value for ${field.key}: expected ${field.type}`);
  }
  const unknown = Object.keys(given).find((key) => !declared.some((field) => field.key === key));
  if (unknown !== undefined) return refuse("payload", `Unknown field: ${unknown}`);
  shop.flowTriggerRuns.push({ handle: handle as string, payload: given, receivedAt: now });
  return { userErrors: [] };
}

function signedPost(url: string, secret: string, shop: ShopRecord, body: string): Promise<Response> {
  return fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-shopify-shop-domain": shop.domain,
      "x-shopify-hmac-sha256": bodyHmac(secret, body),
    },
    body,
    // Flow waits a few seconds for an answer before it gives up on the request.
    signal: AbortSignal.timeout(10_000),
  });
}

/**
 * The merchant turns a workflow that starts with the trigger on (or off): Flow tells the app
 * through its lifecycle callback, and turns a workflow on only once the app answered 2xx.
 * Returns whether the workflow is now on.
 */
export async function setFlowWorkflow(
  context: { extensions: FlowExtensions; appUrl: string | null; secret: string; now: Date },
  shop: ShopRecord,
  handle: string,
  enabled: boolean,
): Promise<{ enabled: boolean; status: number | null }> {
  const trigger = context.extensions.triggers.get(handle);
  if (!trigger) throw new Error(`no Flow trigger ${handle} is declared`);
  let status: number | null = null;
  if (context.extensions.lifecycleUrl && context.appUrl) {
    const body = JSON.stringify({
      flow_trigger_definition_id: handle,
      has_enabled_flow: enabled,
      shop_id: shop.id,
      shopify_domain: shop.domain,
      timestamp: context.now.toISOString(),
    });
    try {
      const response = await signedPost(new URL(context.extensions.lifecycleUrl, context.appUrl).toString(), context.secret, shop, body);
      status = response.status;
      await response.arrayBuffer();
    } catch {
      status = null;
    }
  }
  const accepted = status !== null && status >= 200 && status < 300;
  // Turning a workflow off never waits on the app; turning one on does.
  if (!enabled) shop.flowWorkflows.delete(handle);
  else if (accepted || !context.extensions.lifecycleUrl) shop.flowWorkflows.add(handle);
  return { enabled: shop.flowWorkflows.has(handle), status };
}

/**
 * A workflow runs one of the app's actions: Flow posts the action's properties to its runtime URL
 * (the app's URL for a relative one) and reads the answer's status and JSON body.
 */
export async function runFlowAction(
  context: { extensions: FlowExtensions; appUrl: string | null; secret: string },
  shop: ShopRecord,
  handle: string,
  properties: Record<string, unknown>,
  actionRunId: string,
): Promise<{ status: number; body: unknown }> {
  const action = context.extensions.actions.get(handle);
  if (!action || !context.appUrl) throw new Error(`no Flow action ${handle} is declared, or no app URL`);
  const body = JSON.stringify({
    shop_id: String(shop.id),
    shopify_domain: shop.domain,
    action_run_id: actionRunId,
    action_definition_id: action.name,
    handle,
    properties,
  });
  const url = action.runtimeUrl.startsWith("/") ? new URL(action.runtimeUrl, context.appUrl).toString() : action.runtimeUrl;
  const response = await signedPost(url, context.secret, shop, body);
  const text = await response.text();
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = text;
  }
  return { status: response.status, body: parsed };
}
