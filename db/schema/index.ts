export * from "./models";
export * from "./projects";
export * from "./users";
