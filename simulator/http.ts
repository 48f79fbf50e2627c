import type { IncomingMessage, ServerResponse } from "node:http";

/** A small router for the simulator's HTTP surface; no framework, so nothing hides what is sent. */
export interface SimRequest {
  method: string;
  url: URL;
  headers: IncomingMessage["headers"];
  params: Record<string, string>;
  rawBody: string;
  json<T = unknown>(): T | undefined;
}

export interface SimResponse {
  status: number;
  headers?: Record<string, string | string[]>;
  body?: string | Buffer;
}

export type Handler = (req: SimRequest) => Promise<SimResponse> | SimResponse;

export const json = (status: number, body: unknown, headers: Record<string, string> = {}): SimResponse => ({
  status,
  headers: { "content-type": "application/json; charset=utf-8", ...headers },
  body: JSON.stringify(body),
});

export const html = (body: string, status = 200): SimResponse => ({
  status,
  headers: { "content-type": "text/html; charset=utf-8" },
  body,
});

export class Router {
  private readonly routes: { method: string; pattern: RegExp; keys: string[]; handler: Handler }[] = [];

  on(method: string, path: string, handler: Handler): this {
    const keys: string[] = [];
    const pattern = new RegExp(
      `^${path.replace(/\/:(\w+)(\*)?/g, (_m, key: string, star?: string) => {
        keys.push(key);
        return star ? "(?:/(.*))?" : "/([^/]+)";
      })}/?$`,
    );
    this.routes.push({ method, pattern, keys, handler });
    return this;
  }

  async dispatch(incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> {
    const url = new URL(incoming.url ?? "/", "http://simulator.local");
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    const rawBody = Buffer.concat(chunks).toString("utf8");
    let response: SimResponse = json(404, { errors: "Not Found" });
    for (const route of this.routes) {
      if (route.method !== incoming.method) continue;
      const match = route.pattern.exec(url.pathname);
      if (!match) continue;
      const params = Object.fromEntries(route.keys.map((key, i) => [key, decodeURIComponent(match[i + 1] ?? "")]));
      const request: SimRequest = {
        method: incoming.method,
        url,
        headers: incoming.headers,
        params,
        rawBody,
        json<T>() {
          try {
            return JSON.parse(rawBody) as T;
          } catch {
            return undefined;
          }
        },
      };
      try {
        response = await route.handler(request);
      } catch (error) {
        console.error("[simulator]", incoming.method, url.pathname, error);
        response = json(500, { errors: "Internal Server Error" });
      }
      break;
    }
    outgoing.writeHead(response.status, response.headers);
    outgoing.end(response.body);
  }
}

export function escapeHtml(value: unknown): string {
  return String(value ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}
