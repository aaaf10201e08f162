export type DemoBannerProps = { mode: "demo" | "production" };

/** Says plainly that nothing here is a real organisation's data; absent in production. */
export function DemoBanner({ mode }: DemoBannerProps) {
  if (mode !== "demo") return null;
  return (
    <div role="status" className="no-print bg-amber-100 px-4 py-1.5 text-center text-sm text-amber-950">
      <strong>Demo mode</strong>: sign-in uses a local identity provider with demo accounts; do not keep real data here.
      Set <code>AUTH_OKTA_ISSUER</code> or <code>AGP_MODE=production</code> for a real installation.
    </div>
  );
}
