/** 0: everything done; 3: some inputs failed, the rest was done; 1: nothing done and something failed. */
export function exitStatus(ok: number, failed: number): number {
  if (failed === 0) return 0;
  return ok > 0 ? 3 : 1;
}
