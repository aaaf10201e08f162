"use client";

import { useId, useState } from "react";
import type { Role, RoleMapping } from "@/lib/domain/access";
import { ApiError } from "@/lib/queries/api-client";
import { useRoleMapping, useSaveRoleMapping, type RoleMappingView } from "@/lib/queries/settings";

export type RoleMappingEditorProps = { initial: RoleMappingView };

const roles: { role: Role; label: string; help: string }[] = [
  { role: "admin", label: "Administrators", help: "everything, plus settings, connections, tokens and this mapping" },
  { role: "architect", label: "Architects", help: "edit the specification, decisions and conventions; grant waivers" },
  { role: "delivery_lead", label: "Delivery leads", help: "read, request waivers, review decisions" },
  { role: "viewer", label: "Viewers", help: "read (also anyone in no group listed here)" },
];

const toText = (groups: string[]) => groups.join("\n");
const toGroups = (text: string) =>
  text
    .split(/[\n,]/)
    .map((g) => g.trim())
    .filter(Boolean);

/** Edits which Okta groups give which role; a user in several groups gets the highest. */
export function RoleMappingEditor({ initial }: RoleMappingEditorProps) {
  const query = useRoleMapping(initial);
  const data = query.data;
  const save = useSaveRoleMapping();
  const current = data ?? initial;
  const [draft, setDraft] = useState<Record<Role, string>>(() => ({
    admin: toText(current.mapping.admin),
    architect: toText(current.mapping.architect),
    delivery_lead: toText(current.mapping.delivery_lead),
    viewer: toText(current.mapping.viewer),
  }));
  const id = useId();
  const error = save.error instanceof ApiError ? save.error : null;
  const fieldProblem = (role: Role) =>
    error?.details?.fields
      ?.filter((p) => p.field.startsWith(`mapping.${role}`))
      .map((p) => p.message)
      .join("; ");

  function reset(view: RoleMappingView) {
    setDraft({
      admin: toText(view.mapping.admin),
      architect: toText(view.mapping.architect),
      delivery_lead: toText(view.mapping.delivery_lead),
      viewer: toText(view.mapping.viewer),
    });
    save.reset();
  }

  return (
    <section aria-labelledby={`${id}-title`} className="rounded-lg border border-slate-200 bg-white p-6">
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        Roles from Okta groups
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        One group per line. A user in several groups gets the highest role; a user in none is a viewer.{" "}
        {current.source === "environment"
          ? "Now in force: the defaults of the environment (AGP_ROLE_GROUPS_*)."
          : "Now in force: the mapping saved here."}
      </p>
      <form
        className="mt-4 grid gap-4 md:grid-cols-2"
        onSubmit={(event) => {
          event.preventDefault();
          const mapping = Object.fromEntries(roles.map(({ role }) => [role, toGroups(draft[role])])) as RoleMapping;
          save.mutate({ mapping, version: current.version });
        }}
      >
        {roles.map(({ role, label, help }) => {
          const problem = fieldProblem(role);
          return (
            <div key={role}>
              <label htmlFor={`${id}-${role}`} className="block text-sm font-medium">
                {label}
              </label>
              <p id={`${id}-${role}-help`} className="text-xs text-slate-600">
                {help}
              </p>
              <textarea
                id={`${id}-${role}`}
                rows={3}
                value={draft[role]}
                onChange={(event) => setDraft({ ...draft, [role]: event.target.value })}
                aria-describedby={`${id}-${role}-help${problem ? ` ${id}-${role}-error` : ""}`}
                aria-invalid={problem ? true : undefined}
                className="mt-1 w-full rounded-md border border-slate-400 p-2 font-mono text-sm"
              />
              {problem ? (
                <p id={`${id}-${role}-error`} className="text-sm text-red-800">
                  {problem}
                </p>
              ) : null}
            </div>
          );
        })}
        <div className="flex flex-wrap items-center gap-3 md:col-span-2">
          <button
            type="submit"
            disabled={save.isPending}
            className="rounded-md bg-brand-900 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
          >
            {save.isPending ? "Saving…" : "Save mapping"}
          </button>
          {save.isSuccess ? (
            <p role="status" className="text-sm text-green-800">
              Saved. Roles apply from the next request.
            </p>
          ) : null}
          {error ? (
            <p role="alert" className="text-sm text-red-800">
              {error.message}
              {error.status === 409 ? (
                <button
                  type="button"
                  className="ml-2 underline"
                  onClick={async () => {
                    const fresh = await query.refetch();
                    if (fresh.data) reset(fresh.data);
                  }}
                >
                  Load the current mapping
                </button>
              ) : null}
            </p>
          ) : null}
        </div>
      </form>
    </section>
  );
}
