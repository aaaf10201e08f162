import Markdown, { type Components } from "react-markdown";
import remarkGfm from "remark-gfm";
import { safeLinkUrl } from "@/lib/domain/markdown/safe-url";

export type MarkdownViewProps = { markdown: string; emptyText?: string };

const components: Components = {
  // A link whose URL was refused keeps its text and loses its target.
  a: ({ href, children }) =>
    href ? (
      <a href={href} rel="noopener noreferrer nofollow" className="text-brand-700 underline">
        {children}
      </a>
    ) : (
      <span>{children}</span>
    ),
  // Images would load from anywhere (tracking, mixed content): show them as links instead.
  img: ({ src, alt }) =>
    typeof src === "string" && src ? (
      <a href={src} rel="noopener noreferrer nofollow" className="text-brand-700 underline">
        {alt || "image"}
      </a>
    ) : (
      <span>{alt}</span>
    ),
};

/**
 * Renders a decision's Markdown (GitHub flavour) safely: raw HTML is shown as text, never
 * interpreted, and links keep only http, https and mailto targets.
 */
export function MarkdownView({ markdown, emptyText = "Not written yet." }: MarkdownViewProps) {
  if (!markdown.trim()) return <p className="text-sm text-slate-600 italic">{emptyText}</p>;
  return (
    <div className="markdown text-sm leading-6">
      <Markdown remarkPlugins={[remarkGfm]} components={components} urlTransform={(url) => safeLinkUrl(url) ?? ""}>
        {markdown}
      </Markdown>
    </div>
  );
}
