/** Poll `probe` until it returns a value other than undefined (or fail after `timeoutMillis`). */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMillis = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMillis;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMillis} ms waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 25));
  }
}
