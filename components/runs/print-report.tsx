"use client";

import { useEffect } from "react";
import { buttonClass } from "@/components/ui/button";

/**
 * "Print report", plus the print behaviour for the whole page: CSS cannot open a closed <details>, so
 * the ones marked data-print-open are opened before printing and closed again afterwards; the dark
 * palette (light text) is switched off for paper and restored.
 */
export function PrintReport() {
  useEffect(() => {
    let opened: HTMLDetailsElement[] = [];
    let dark = false;
    const root = document.documentElement;
    const before = () => {
      opened = [...document.querySelectorAll<HTMLDetailsElement>("details[data-print-open]:not([open])")];
      for (const d of opened) d.open = true;
      dark = root.classList.contains("dark");
      root.classList.remove("dark");
    };
    const after = () => {
      for (const d of opened) d.open = false;
      opened = [];
      if (dark) root.classList.add("dark");
    };
    window.addEventListener("beforeprint", before);
    window.addEventListener("afterprint", after);
    return () => {
      window.removeEventListener("beforeprint", before);
      window.removeEventListener("afterprint", after);
    };
  }, []);
  return (
    <button type="button" className={buttonClass("secondary", "md", "print:hidden")} onClick={() => window.print()}>
      Print report
    </button>
  );
}
