import { describe, expect, it } from "vitest";
import {
  draftFromPartner,
  emptyPartnerDraft,
  revenueShareBasisPoints,
  validatePartner,
  type PartnerDraft,
} from "../../../app/protection/partner";

const draft = (patch: Partial<PartnerDraft> = {}): PartnerDraft => ({
  ...emptyPartnerDraft("en"),
  name: "Safeguard Insurance",
  revenueShare: "25",
  statementEmail: "statements@safeguard.example",
  ...patch,
});

describe("a partner's form", () => {
  it("keeps the share in basis points, from 0 to 100 % with at most two decimals", () => {
    expect(
      [
        ["0", 0],
        ["25", 2_500],
        ["12.5", 1_250],
        ["33.33", 3_333],
        ["100", 10_000],
      ].map(([typed]) => revenueShareBasisPoints(String(typed))),
    ).toEqual([0, 2_500, 1_250, 3_333, 10_000]);
    for (const outside of ["-1", "100.01", "101", "12.345", "", "abc", "1e2", "25%"]) {
      expect(validatePartner(draft({ revenueShare: outside })), outside).toEqual({ errors: { revenueShare: "shareInvalid" } });
    }
  });

  it("refuses each bad field with its own message, and keeps the good ones trimmed", () => {
    expect(validatePartner(draft({ name: "  ", statementEmail: "not an address", claimsEmail: "a@b" }))).toEqual({
      errors: { name: "nameRequired", statementEmail: "emailInvalid", claimsEmail: "emailInvalid" },
    });
    expect(validatePartner(draft({ name: "x".repeat(256) }))).toEqual({ errors: { name: "nameTooLong" } });
    expect(validatePartner(draft({ routeClaims: true, claimsEmail: "" }))).toEqual({ errors: { claimsEmail: "claimsEmailRequired" } });
    expect(validatePartner(draft({ locale: "xx" }))).toEqual({ errors: { locale: "localeInvalid" } });
    expect(
      validatePartner(draft({ name: " Safeguard ", claimsEmail: " claims@safeguard.example ", routeClaims: true, locale: "fr" })),
    ).toEqual({
      partner: {
        name: "Safeguard",
        revenueShareBasisPoints: 2_500,
        statementEmail: "statements@safeguard.example",
        claimsEmail: "claims@safeguard.example",
        routeClaims: true,
        locale: "fr",
      },
    });
  });

  it("edits a saved partner as it was typed", () => {
    const checked = validatePartner(draft({ revenueShare: "12.5" }));
    if (!("partner" in checked)) throw new Error("refused");
    expect(draftFromPartner(checked.partner)).toEqual(draft({ revenueShare: "12.50" }));
  });
});
