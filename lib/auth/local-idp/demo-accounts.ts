import { createHash, timingSafeEqual } from "node:crypto";

/** An account of the local identity provider; `groups` becomes the Okta-style `groups` claim. */
export type DemoAccount = {
  username: string;
  password: string;
  name: string;
  email: string;
  groups: string[];
  /** What the default mapping makes of it, for the sign-in page. */
  role: string;
};

/**
 * Demo accounts, one per role plus the two edge cases of the role mapping. Their groups match
 * the default AGP_ROLE_GROUPS_* values. Shown on the sign-in page in demo mode only.
 */
export const demoAccounts: readonly DemoAccount[] = [
  {
    username: "ada",
    password: "ada-admin",
    name: "Ada Admin",
    email: "ada@demo.example",
    groups: ["agp-admins"],
    role: "admin",
  },
  {
    username: "archie",
    password: "archie-architect",
    name: "Archie Architect",
    email: "archie@demo.example",
    groups: ["agp-architects"],
    role: "architect",
  },
  {
    username: "della",
    password: "della-delivery",
    name: "Della Delivery",
    email: "della@demo.example",
    groups: ["agp-delivery-leads"],
    role: "delivery lead",
  },
  {
    username: "vic",
    password: "vic-viewer",
    name: "Vic Viewer",
    email: "vic@demo.example",
    groups: ["agp-viewers"],
    role: "viewer",
  },
  {
    username: "nora",
    password: "nora-nogroup",
    name: "Nora Nogroup",
    email: "nora@demo.example",
    groups: ["contractors"],
    role: "viewer (no mapped group)",
  },
  {
    username: "mira",
    password: "mira-multi",
    name: "Mira Multi",
    email: "mira@demo.example",
    groups: ["agp-delivery-leads", "agp-architects"],
    role: "architect (two groups)",
  },
];

const digest = (value: string) => createHash("sha256").update(value, "utf8").digest();

/** Checks a username and password; compares digests in constant time. */
export function authenticateDemoAccount(username: string, password: string): DemoAccount | null {
  const account = demoAccounts.find((a) => a.username === username.trim().toLowerCase());
  const expected = digest(account?.password ?? "\u0000no-such-account");
  const ok = timingSafeEqual(expected, digest(password));
  return account && ok ? account : null;
}

export function findDemoAccount(username: string): DemoAccount | undefined {
  return demoAccounts.find((a) => a.username === username);
}
