// Several reports at once (the answer's 19): at most REPORT_CONCURRENCY statements in flight, in
// the order given, results in that order. Measured on the 2-core machine (bench/README.md,
// "Rapporten"): the 19 over 10 connections took 340–510 ms, over 2 connections 160–250 ms — ten
// backends on two cores only take turns, and each new connection plans and loads its catalog
// caches again. Two keep both cores busy and leave the pool's other connections to other users.
import { runReport, type ReportResult, type RunReportInput, type SqlExecutor } from "./run-report";

export const REPORT_CONCURRENCY = 2;

export async function runReports(executor: SqlExecutor, inputs: RunReportInput[], concurrency = REPORT_CONCURRENCY): Promise<ReportResult[]> {
  const results: ReportResult[] = new Array(inputs.length);
  let next = 0;
  const worker = async () => {
    while (next < inputs.length) {
      const i = next++;
      results[i] = await runReport(executor, inputs[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, inputs.length) }, worker));
  return results;
}
