import { describe, expect, it } from "vitest";
import {
  ALL_COUNTRIES,
  FIRST_COUNTRIES,
  missingSections,
  profileCompleteness,
  type ProfileContent,
} from "../../../app/modules/profiles/rules";

const full: ProfileContent = {
  givenName: "Aya",
  familyName: "Kouassi",
  sex: "female",
  birthDate: "1999-02-28",
  nationality: "CI",
  languagesSpoken: ["fr"],
  city: "tanger",
  region: "tanger_tetouan_al_hoceima",
  residentStatus: "migrant",
  education: { level: "secondary" },
  experience: [{ role: "Vendeuse", sector: "Commerce", years: 2, country: "CI" }],
  skills: "Vente",
  seeks: ["training"],
};

describe("profile completeness", () => {
  it("is 0 without a profile and 100 when every section is filled", () => {
    expect(profileCompleteness(null)).toBe(0);
    expect(profileCompleteness(full)).toBe(100);
    expect(missingSections(full)).toEqual([]);
  });
  it("names the sections missing", () => {
    expect(missingSections({ ...full, experience: [], skills: "  " })).toEqual(["experience", "skills"]);
    expect(missingSections({ ...full, region: null })).toEqual(["personal"]);
    expect(profileCompleteness({ ...full, seeks: [] })).toBe(80);
  });
});

describe("countries", () => {
  it("lists the programme's main countries, all valid ISO codes, and no duplicates", () => {
    for (const code of FIRST_COUNTRIES) expect(ALL_COUNTRIES).toContain(code);
    expect(new Set(ALL_COUNTRIES).size).toBe(ALL_COUNTRIES.length);
    expect(ALL_COUNTRIES.every((c) => /^[A-Z]{2}$/.test(c))).toBe(true);
  });
});
