/** `work`'s result, or "timed out" once `ms` have passed without it; the timer never outlives the race. */
export function within<T>(work: Promise<T>, ms: number): Promise<T | "timed out"> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<"timed out">((resolve) => {
    timer = setTimeout(() => resolve("timed out"), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
