// Roles and what each may do: the one typed map the whole application checks against.
// STAFF work in the dossiers of their own agency; MANAGERs read reports (one agency, or all of
// Flanders when they have no agency); ADMINs decide on infringements, advise DVZ, import and
// export, and manage users, for all agencies.
export type Role = "STAFF" | "MANAGER" | "ADMIN";

export const permissionRoles = {
  "dossier.read": ["STAFF", "ADMIN"],
  "dossier.write": ["STAFF", "ADMIN"],
  "dossier.reveal": ["STAFF", "ADMIN"],
  "dossier.history": ["STAFF", "ADMIN"],
  // the right of access (GDPR art. 15, issue 15): everything held about one person, national number in full
  "dossier.inzage": ["ADMIN"],
  "report.read": ["MANAGER", "ADMIN"],
  // a report as recorded on an earlier instant (kennisdatum, issue 13): what was known, not only as of when
  "report.knowledgeTime": ["MANAGER", "ADMIN"],
  // publications (issue 13): the figures as published, immutable
  "report.publish": ["MANAGER", "ADMIN"],
  "fine.read": ["ADMIN"],
  "fine.decide": ["ADMIN"],
  "dvz.advise": ["ADMIN"],
  "dvz.export": ["ADMIN"],
  "exchange.import": ["ADMIN"],
  "exchange.export": ["ADMIN"],
  "user.manage": ["ADMIN"],
  "audit.read": ["ADMIN"],
  // retention, legal holds and anonymisation (issue 15): /beheer/bewaartermijnen
  "retention.manage": ["ADMIN"],
  // everyone signed in sets their own language (issue 16)
  "profile.update": ["STAFF", "MANAGER", "ADMIN"],
  // likely duplicates and merging two dossiers into one (issue 14)
  "dossier.merge": ["ADMIN"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissionRoles;

export function can(role: Role, permission: Permission): boolean {
  return (permissionRoles[permission] as readonly Role[]).includes(role);
}

/** The sections of the app shell, in order, with the permission that shows each. */
export const navigation = [
  { href: "/dossiers", key: "dossiers", permission: "dossier.read" },
  { href: "/werklijsten", key: "werklijsten", permission: "dossier.read" },
  { href: "/rapporten", key: "rapporten", permission: "report.read" },
  { href: "/boetes", key: "boetes", permission: "fine.read" },
  { href: "/dvz", key: "dvz", permission: "dvz.advise" },
  { href: "/beheer", key: "beheer", permission: "user.manage" },
] as const satisfies readonly { href: string; key: string; permission: Permission }[];

export function navigationFor(role: Role) {
  return navigation.filter((n) => can(role, n.permission));
}
