import Link from "next/link";

export default function NotFound() {
  return (
    <main id="main" className="mx-auto max-w-2xl p-10">
      <h1 className="mb-2 text-2xl font-semibold">Not found</h1>
      <p className="text-slate-700">
        There is nothing at this address. It may be a workspace that was renamed or removed.{" "}
        <Link href="/" className="text-brand-700 underline">
          Go to the portal
        </Link>
        .
      </p>
    </main>
  );
}
