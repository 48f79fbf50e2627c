import { pino, type DestinationStream, type Logger } from "pino";
import { config } from "../config.server";

/**
 * Orchard's log: one JSON line per event (pino), each with the shop it concerns, so a hosted log
 * search can follow one merchant's trouble. Secrets and customers' contact data never reach it:
 * whatever is logged, these keys are censored at any depth pino can address.
 */
const CENSORED_KEYS = [
  "accessToken",
  "authorization",
  "cookie",
  "hmac",
  "signature",
  "sessionToken",
  "token",
  "password",
  "secret",
  "email",
  "phone",
];
const REDACT_PATHS = CENSORED_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]);

let root: Logger | undefined;

function createLog(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: "orchard", pid: process.pid },
    redact: { paths: REDACT_PATHS, censor: "[redacted]" },
    // pino's own serializer would name errorFields' plain object's class ("Object") as the type.
    serializers: { err: (value: unknown) => (value instanceof Error ? errorFields(value).err : value) },
  };
  return destination ? pino(options, destination) : pino(options);
}

export function log(): Logger {
  root ??= createLog(config().LOG_LEVEL);
  return root;
}

/** The log for work on one shop: every line carries the shop's domain. */
export function shopLog(shop: string): Logger {
  return log().child({ shop });
}

/** Sends the log, every level from `level` up, somewhere else (tests read it back); gives back a way to restore it. */
export function replaceLog(destination: DestinationStream, level = "debug"): () => void {
  const previous = root;
  root = createLog(level, destination);
  return () => {
    root = previous;
  };
}

/** What an error says, for a log line: its message and class, not the objects it may hold. */
export function errorFields(error: unknown): { err: { type: string; message: string; stack?: string } } {
  if (error instanceof Error) return { err: { type: error.name, message: error.message, stack: error.stack } };
  return { err: { type: typeof error, message: String(error) } };
}
