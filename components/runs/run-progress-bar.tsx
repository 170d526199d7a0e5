/** done/total as a bar; `label` names it for assistive technology ("Run progress"). */
export function RunProgressBar({ done, total, label, size = "md" }: { done: number; total: number; label: string; size?: "sm" | "md" }) {
  const percent = total > 0 ? Math.min(100, Math.round((done / total) * 100)) : 0;
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={total}
      aria-valuenow={done}
      aria-valuetext={`${done} of ${total} (${percent}%)`}
      className={`${size === "sm" ? "h-1.5 w-24" : "h-3 w-full"} overflow-hidden rounded-full bg-gray-200 dark:bg-gray-700`}
    >
      <div className="h-full bg-brand-600 transition-all dark:bg-brand-500" style={{ width: `${percent}%` }} />
    </div>
  );
}
