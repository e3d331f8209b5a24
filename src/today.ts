/** Today's date in UTC, `YYYY-MM-DD`: the default `now` of every function and command that takes one. */
export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10)
}
