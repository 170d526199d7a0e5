import type { ParamDoc } from "@/lib/scoring/param-docs";

/** A scorer's parameters (from its zod schema): name, type, default and what it does. */
export function ParamList({ scorer, docs }: { scorer: string; docs: ParamDoc[] }) {
  if (docs.length === 0) return <p className="text-xs text-gray-700 dark:text-gray-300">{scorer} takes no parameters.</p>;
  return (
    <details className="text-xs">
      <summary className="cursor-pointer text-gray-800 dark:text-gray-200">Parameters of {scorer}</summary>
      <table className="mt-2 w-full text-left">
        <caption className="sr-only">Parameters of {scorer}</caption>
        <thead>
          <tr className="text-gray-700 dark:text-gray-300">
            <th scope="col" className="pr-3 font-semibold">
              Name
            </th>
            <th scope="col" className="pr-3 font-semibold">
              Type
            </th>
            <th scope="col" className="pr-3 font-semibold">
              Default
            </th>
            <th scope="col" className="font-semibold">
              Description
            </th>
          </tr>
        </thead>
        <tbody>
          {docs.map((d) => (
            <tr key={d.name} className="align-top">
              <td className="pr-3 font-mono">
                {d.name}
                {d.required ? <span className="text-red-700 dark:text-red-300"> (required)</span> : null}
              </td>
              <td className="pr-3 font-mono">{d.type}</td>
              <td className="max-w-[10rem] truncate pr-3 font-mono">{d.default ?? "—"}</td>
              <td>{d.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
