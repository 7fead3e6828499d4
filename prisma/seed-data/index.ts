export * from "./deaneries";
export * from "./hospitals";
export * from "./names";
export * from "./projects";
