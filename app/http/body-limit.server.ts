/**
 * Request bodies read within a limit, while they are read: a body larger than the route allows is
 * answered 413 before it is all in memory (a declared length at once, a streamed one at the first
 * byte over), and nothing of it is parsed or written. The routes that read a body before knowing
 * who sent it (webhooks, whose HMAC covers the whole body) need this most.
 */
export const BODY_LIMITS = {
  /** Shopify's largest payloads (an order with hundreds of lines) are a few megabytes. */
  webhook: 10 * 1024 * 1024,
  /** A form or a JSON change from the storefront or the customer account: a few fields. */
  customerForm: 64 * 1024,
  /** A merchant's form in the admin: the largest, a plan with its products, is tens of kilobytes. */
  adminForm: 1024 * 1024,
  /** A request from Shopify Flow: a lifecycle callback or an action's few properties. */
  flow: 256 * 1024,
  /** A subscriptions file to import: 10,000 rows of a few hundred bytes each. */
  importFile: 8 * 1024 * 1024,
} as const;

function tooLarge(): Response {
  return new Response("Payload Too Large", { status: 413, headers: { connection: "close" } });
}

/** The request's body, read in full if within `limitBytes`; throws a 413 Response otherwise. */
export async function bodyWithin(request: Request, limitBytes: number): Promise<Buffer> {
  const declared = request.headers.get("content-length");
  if (declared !== null && (!/^\d+$/.test(declared) || Number(declared) > limitBytes)) throw tooLarge();
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limitBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** The request, its body read in full if within `limitBytes`; throws a 413 Response otherwise. */
export async function withinBodyLimit(request: Request, limitBytes: number): Promise<Request> {
  const body = await bodyWithin(request, limitBytes);
  return new Request(request.url, {
    method: request.method,
    headers: request.headers,
    body: request.body ? new Uint8Array(body) : null,
    signal: request.signal,
  });
}

/** A form's fields, its body read within `limitBytes` (beyond, a 413 Response is thrown). */
export async function formWithin(request: Request, limitBytes: number): Promise<FormData> {
  return (await withinBodyLimit(request, limitBytes)).formData();
}
