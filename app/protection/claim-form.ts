import { normalizedHttpsUrl } from "./offer";
import { CLAIM_REASONS, type ClaimReason } from "./registrations";

/** The claim and decision forms, checked field by field; errors are message keys under protection.registration.errors. */
export type ClaimFormResult =
  | { ok: true; claim: { reason: ClaimReason; photosUrl: string | null; notes: string } }
  | { ok: false; errors: Record<string, string> };

export function parseClaimForm(form: FormData): ClaimFormResult {
  const reason = String(form.get("reason") ?? "");
  const photosText = String(form.get("photosUrl") ?? "").trim();
  const photosUrl = photosText ? normalizedHttpsUrl(photosText) : "";
  const notes = String(form.get("notes") ?? "").trim();
  const errors: Record<string, string> = {};
  if (!(CLAIM_REASONS as readonly string[]).includes(reason)) errors.reason = "reason";
  if (photosUrl === null) errors.photosUrl = "photosUrl";
  if (!notes || notes.length > 2000) errors.notes = "notes";
  return Object.keys(errors).length
    ? { ok: false, errors }
    : { ok: true, claim: { reason: reason as ClaimReason, photosUrl: photosUrl || null, notes } };
}

export function parseDecisionForm(form: FormData): { claimId: string; decision: "approved" | "denied"; note: string } | null {
  const claimId = String(form.get("claimId") ?? "");
  const decision = form.get("decision");
  const note = String(form.get("note") ?? "").trim();
  if (!/^[a-z0-9]{1,64}$/i.test(claimId) || (decision !== "approved" && decision !== "denied") || note.length > 2000) return null;
  return { claimId, decision, note };
}
