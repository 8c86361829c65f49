/**
 * Loaded with `--import` into the command line the benchmark runs as a child process:
 * at exit, the process's peak resident memory (in kB) on standard error, where the
 * benchmark reads it. Nothing else changes in the child.
 */
process.on('exit', () => {
  process.stderr.write(`peak-rss-kb ${process.resourceUsage().maxRSS}\n`);
});
