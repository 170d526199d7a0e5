import type { ReactNode } from "react";
import ReactMarkdown from "react-markdown";

// Headings in user content would break the page's heading outline (one h1, no skipped levels).
function Heading({ children }: { children?: ReactNode }) {
  return <p className="font-semibold">{children}</p>;
}

/** User-written markdown: raw HTML is dropped and react-markdown's URL filter removes javascript: links. */
export function Markdown({ children }: { children: string }) {
  return (
    <div className="prose-sm space-y-3 break-words text-gray-900 dark:text-gray-100 [&_a]:text-brand-600 [&_a]:underline dark:[&_a]:text-brand-100 [&_code]:rounded [&_code]:bg-gray-100 [&_code]:px-1 dark:[&_code]:bg-gray-800 [&_h1]:text-xl [&_h1]:font-bold [&_h2]:text-lg [&_h2]:font-semibold [&_ol]:list-decimal [&_ol]:pl-5 [&_ul]:list-disc [&_ul]:pl-5">
      <ReactMarkdown
        skipHtml
        components={{
          a: ({ node: _node, ...props }) => <a {...props} rel="nofollow noopener noreferrer" target="_blank" />,
          h1: Heading,
          h2: Heading,
          h3: Heading,
          h4: Heading,
          h5: Heading,
          h6: Heading,
          img: ({ node: _node, alt, src }) =>
            typeof src === "string" ? (
              <a href={src} rel="nofollow noopener noreferrer">
                {alt || "image"}
              </a>
            ) : null,
        }}
      >
        {children}
      </ReactMarkdown>
    </div>
  );
}
