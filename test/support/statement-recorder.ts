/**
 * Records the SQL statements an app sends while a piece of work runs (issue 16: statement budgets,
 * the reference-data cache, the view record). Give `listen` as the test app's `onStatement`.
 */
export function statementRecorder() {
  let statements: string[] | undefined;
  return {
    listen(sql: string): void {
      statements?.push(sql);
    },
    /** Runs `work`, answering its value and the statements sent meanwhile. */
    async during<T>(work: () => Promise<T>): Promise<{ value: T; statements: string[] }> {
      const sent: string[] = [];
      statements = sent;
      try {
        return { value: await work(), statements: sent };
      } finally {
        statements = undefined;
      }
    },
  };
}
