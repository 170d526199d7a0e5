/** A run's life cycle, defined once: the database enum, the API's filters and the UI read this list. */
export const RUN_STATUSES = ["scheduled", "in_progress", "completed", "failed", "cancelled"] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

/** Statuses of a run that is not finished yet (the worker may still change it). */
export const ACTIVE_RUN_STATUSES = ["scheduled", "in_progress"] as const satisfies readonly RunStatus[];

export const isActive = (status: RunStatus) => (ACTIVE_RUN_STATUSES as readonly RunStatus[]).includes(status);
