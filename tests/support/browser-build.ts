import { buildOrchard } from "../../scripts/stack";

/** The browser suite's global set-up: the build its stacks serve, made once for all its files. */
export default function setup(): void {
  buildOrchard();
}
