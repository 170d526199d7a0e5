"use client";

import { useEffect, useState } from "react";
import { buttonClass } from "@/components/ui/button";
import { MoonIcon, SunIcon } from "@/components/ui/icons";

export function ThemeToggle() {
  const [dark, setDark] = useState<boolean | null>(null);
  useEffect(() => setDark(document.documentElement.classList.contains("dark")), []);

  function toggle() {
    const next = !document.documentElement.classList.contains("dark");
    document.documentElement.classList.toggle("dark", next);
    try {
      localStorage.setItem("theme", next ? "dark" : "light");
    } catch {
      // Private browsing may refuse storage; the toggle still works for this page view.
    }
    setDark(next);
  }

  return (
    <button type="button" aria-pressed={dark ?? false} onClick={toggle} className={buttonClass("ghost", "sm", "h-9")}>
      {dark ? <SunIcon width={18} height={18} /> : <MoonIcon width={18} height={18} />}
      <span className="sr-only">Dark mode</span>
    </button>
  );
}
