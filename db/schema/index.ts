export * from "./models";
export * from "./projects";
export * from "./users";
export * from "./benchmarks";
export * from "./runs";
export * from "./use-cases";
export * from "./interactions";
export * from "./feedback";
