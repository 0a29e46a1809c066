// The demo accounts of `npm run demo` (password "inburgering" for all), documented in README.md.
export const DEMO_PASSWORD = "inburgering";

export const demoUsers = [
  { email: "medewerker@atlas.demo", name: "Mila Peeters", role: "STAFF", agencyCode: "ATLAS", officeCode: "ATLAS" },
  { email: "medewerker@ingent.demo", name: "Lotte De Smet", role: "STAFF", agencyCode: "IN_GENT", officeCode: "IN_GENT" },
  { email: "medewerker@agii.demo", name: "Jonas Claes", role: "STAFF", agencyCode: "AGII", officeCode: "AGII_ANTWERPEN" },
  { email: "manager@atlas.demo", name: "Sofie Janssens", role: "MANAGER", agencyCode: "ATLAS", officeCode: null },
  { email: "manager@agii.demo", name: "Pieter Maes", role: "MANAGER", agencyCode: null, officeCode: null },
  { email: "admin@agii.demo", name: "An Willems", role: "ADMIN", agencyCode: null, officeCode: null },
  { email: "admin2@agii.demo", name: "Koen Wouters", role: "ADMIN", agencyCode: null, officeCode: null },
] as const;
