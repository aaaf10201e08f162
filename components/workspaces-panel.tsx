"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { ApiErrorAlert } from "@/components/api-error-alert";
import { ApiError } from "@/lib/queries/api-client";
import { useCreateWorkspace, useUpdateWorkspace, type Workspace } from "@/lib/queries/workspaces";

export type WorkspacesPanelProps = { current: Workspace };

const fieldError = (error: unknown, field: string) =>
  error instanceof ApiError ? error.details?.fields?.find((f) => f.field === field)?.message : undefined;

type TextFieldProps = {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  type?: "text" | "number";
  width?: string;
  placeholder?: string;
};

/** A labelled input with its field error (from the API's 400) below it. */
function TextField({ label, value, onChange, error, type = "text", width = "w-72", placeholder }: TextFieldProps) {
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <input
        id={id}
        type={type}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        placeholder={placeholder}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className={`mt-1 ${width} rounded-md border border-slate-400 px-2 py-1.5 text-sm`}
      />
      {error ? (
        <p id={`${id}-error`} className="text-sm text-red-800">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** Renames the current workspace and creates new ones (one per customer organisation). */
export function WorkspacesPanel({ current }: WorkspacesPanelProps) {
  const router = useRouter();
  const rename = useUpdateWorkspace(current.slug);
  const approvalsUpdate = useUpdateWorkspace(current.slug);
  const [approvals, setApprovals] = useState(String(current.requiredApprovals));
  const create = useCreateWorkspace();
  const restore = useCreateWorkspace();
  const [backupFile, setBackupFile] = useState<File | null>(null);
  const [restoreName, setRestoreName] = useState("");
  const [restoreProblem, setRestoreProblem] = useState<string | null>(null);
  const [name, setName] = useState(current.name);
  const [version, setVersion] = useState(current.version);
  const [newName, setNewName] = useState("");
  const id = useId();
  const renameError = fieldError(rename.error, "name");
  const createError = fieldError(create.error, "name") ?? fieldError(create.error, "slug");
  const approvalsError = fieldError(approvalsUpdate.error, "requiredApprovals");

  return (
    <section aria-labelledby={`${id}-title`} className="rounded-lg border border-slate-200 bg-white p-6">
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        Workspaces
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        A workspace holds one Anypoint organisation&apos;s specification. Its address ({current.slug}) stays when it is
        renamed.
      </p>
      <form
        className="mt-4 flex flex-wrap items-end gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          rename.mutate(
            { name, version },
            {
              onSuccess: (saved) => {
                setVersion(saved.version);
                router.refresh();
              },
            },
          );
        }}
      >
        <TextField label="Name of this workspace" value={name} onChange={setName} error={renameError} />
        <button
          type="submit"
          disabled={rename.isPending}
          className="rounded-md border border-slate-400 px-4 py-2 text-sm"
        >
          Rename
        </button>
        {rename.isSuccess ? (
          <p role="status" className="text-sm text-green-800">
            Renamed.
          </p>
        ) : null}
        {rename.error && !renameError ? (
          <p role="alert" className="text-sm text-red-800">
            {rename.error.message}
          </p>
        ) : null}
      </form>
      <form
        className="mt-6 flex flex-wrap items-end gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          approvalsUpdate.mutate(
            { requiredApprovals: Number(approvals), version },
            { onSuccess: (saved) => setVersion(saved.version) },
          );
        }}
      >
        <TextField
          label="Approvals a decision needs before acceptance"
          type="number"
          width="w-24"
          value={approvals}
          onChange={setApprovals}
          error={approvalsError}
        />
        <button
          type="submit"
          disabled={approvalsUpdate.isPending}
          className="rounded-md border border-slate-400 px-4 py-2 text-sm"
        >
          Save approvals
        </button>
        {approvalsUpdate.isSuccess ? (
          <p role="status" className="text-sm text-green-800">
            Decisions now need {approvalsUpdate.data.requiredApprovals}{" "}
            {approvalsUpdate.data.requiredApprovals === 1 ? "approval" : "approvals"}.
          </p>
        ) : null}
        {approvalsUpdate.error && !approvalsError ? (
          <p role="alert" className="text-sm text-red-800">
            {approvalsUpdate.error.message}
          </p>
        ) : null}
      </form>
      <form
        className="mt-6 flex flex-wrap items-end gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate({ name: newName }, { onSuccess: (created) => router.push(`/w/${created.slug}/specification`) });
        }}
      >
        <TextField
          label="New workspace"
          value={newName}
          onChange={setNewName}
          placeholder="e.g. Contoso Retail"
          error={createError}
        />
        <button
          type="submit"
          disabled={create.isPending}
          className="rounded-md bg-brand-900 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
        >
          Create workspace
        </button>
      </form>
      <form
        className="mt-6 flex flex-wrap items-end gap-3"
        onSubmit={async (event) => {
          event.preventDefault();
          setRestoreProblem(null);
          if (!backupFile) return setRestoreProblem("Choose a backup file (JSON) exported from a workspace.");
          let backup: unknown;
          try {
            backup = JSON.parse(await backupFile.text());
          } catch {
            return setRestoreProblem(`${backupFile.name} is not JSON: choose a backup exported as JSON.`);
          }
          restore.mutate(
            { ...(restoreName.trim() ? { name: restoreName.trim() } : {}), backup },
            { onSuccess: (created) => router.push(`/w/${created.slug}/specification`) },
          );
        }}
      >
        <div>
          <label htmlFor={`${id}-backup`} className="block text-sm font-medium">
            Backup file to restore
          </label>
          <p id={`${id}-backup-hint`} className="text-sm text-slate-600">
            A JSON backup (Specification &gt; Backup) becomes a new workspace.
          </p>
          <input
            id={`${id}-backup`}
            type="file"
            accept=".json,application/json"
            aria-describedby={`${id}-backup-hint`}
            onChange={(event) => setBackupFile(event.target.files?.[0] ?? null)}
            className="mt-1 block text-sm"
          />
        </div>
        <TextField
          label="Name (optional)"
          width="w-56"
          value={restoreName}
          onChange={setRestoreName}
          placeholder="the backup's name"
        />
        <button
          type="submit"
          disabled={restore.isPending}
          className="rounded-md border border-slate-400 px-4 py-2 text-sm"
        >
          Restore workspace
        </button>
        <ApiErrorAlert error={restore.error} message={restoreProblem} className="w-full text-sm text-red-800" />
      </form>
    </section>
  );
}
