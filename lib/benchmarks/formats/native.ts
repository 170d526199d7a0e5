import type { TaskDraft } from "../task";
import { finish, isRecord, notAnObject } from "./fields";
import type { RowMapper } from "./types";

/** Yardstick's own JSONL export, one full task per line, so downloads can be uploaded again. */
export const nativeMapper: RowMapper = (raw) => {
  if (!isRecord(raw)) return notAnObject(raw);
  // The task schema checks every field, so the draft cast only defers the checking to finish().
  return finish(raw as TaskDraft, []);
};
