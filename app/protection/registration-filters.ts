import { REGISTRATION_STATUSES, type RegistrationStatus } from "./registrations";

export interface RegistrationFilters {
  status: RegistrationStatus | null;
  query: string;
}

/** The list's filters from the URL, where anything may have been typed: unknown values mean "no filter". */
export function parseRegistrationFilters(params: URLSearchParams): { filters: RegistrationFilters; page: number } {
  const status = params.get("status");
  const page = Number(params.get("page") ?? "1");
  return {
    filters: {
      status: (REGISTRATION_STATUSES as readonly string[]).includes(status ?? "") ? (status as RegistrationStatus) : null,
      query: (params.get("query") ?? "").slice(0, 100),
    },
    page: Number.isSafeInteger(page) && page >= 1 && page <= 10_000 ? page : 1,
  };
}
