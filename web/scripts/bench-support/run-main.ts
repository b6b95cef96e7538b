// How a benchmark script ends: exit 0 when it finished (open pools or timers must not keep it alive), else
// print the error and exit 1 so a caller (npm run bench, CI) sees the failure.
export function runMain(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
