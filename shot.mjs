import { chromium } from "@playwright/test";
const b = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
});
const p = await b.newPage({ viewport: { width: 1280, height: 720 } });
await p.goto("http://localhost:3000/w/default/decisions");
await p.screenshot({ path: "/tmp/shot-signin.png" });
await p.getByRole("button", { name: "Sign in with Okta" }).click();
await p.waitForURL(/localhost:3001/);
await p.getByLabel("Username").fill("mira");
await p.getByLabel("Password").fill("mira-multi");
await p.getByRole("button", { name: "Sign in" }).click();
await p.waitForURL(/localhost:3000\/w\//);
console.log("back", p.url());
await p.screenshot({ path: "/tmp/shot-in.png" });
console.log(await (await p.request.get("http://localhost:3000/api/v1/me")).text());
await p.getByRole("button", { name: "Sign out" }).click();
await p.waitForURL(/signed-out/);
console.log("out", p.url());
await p.goto("http://localhost:3000/w/default");
console.log("revisit", p.url());
await p.getByRole("button", { name: "Sign in with Okta" }).click();
await p.waitForURL(/localhost:3001/);
console.log("idp again asks password:", await p.getByLabel("Password").isVisible());
await b.close();
