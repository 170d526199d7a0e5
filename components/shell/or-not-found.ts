import { notFound } from "next/navigation";
import { AppError } from "@/lib/errors";

/** Runs a service call for a page; its "not found" becomes the 404 page, as the API answers 404. */
export async function orNotFound<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}
