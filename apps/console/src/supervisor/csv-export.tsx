import { useEffect, useState } from 'react';
import { useClient } from 'urql';
import { describeApiError, type ApiProblem } from '../api/api-error';
import { MetricsCsvDocument, type MetricsReport, type ReportRange } from '../graphql/generated';
import { ErrorList } from '../shared/error-list';

const REPORTS: Array<[MetricsReport, string]> = [
  ['SUMMARY', 'Summary by day'],
  ['HEATMAP', 'Heatmap'],
  ['STAFFING', 'Staffing'],
];

/** metricsCsv returns the file's text; the console turns it into a download link (a blob URL). */
export function CsvExport({ range }: { range: ReportRange }) {
  const client = useClient();
  const [link, setLink] = useState<{ href: string; filename: string } | null>(null);
  const [problems, setProblems] = useState<ApiProblem[]>([]);
  useEffect(
    () => () => {
      if (link) URL.revokeObjectURL(link.href);
    },
    [link],
  );

  const exportCsv = async (report: MetricsReport) => {
    setProblems([]);
    const res = await client
      .query(
        MetricsCsvDocument,
        { range, report, groupBy: report === 'SUMMARY' ? 'DAY' : undefined },
        { requestPolicy: 'network-only' },
      )
      .toPromise();
    if (res.error) {
      setProblems(describeApiError(res.error));
      return;
    }
    if (!res.data) return;
    const { csv, filename, contentType } = res.data.metricsCsv;
    setLink({ href: URL.createObjectURL(new Blob([csv], { type: contentType })), filename });
  };

  return (
    <div className="csv-export">
      {REPORTS.map(([report, label]) => (
        <button key={report} type="button" className="ghost small" onClick={() => void exportCsv(report)}>
          CSV: {label}
        </button>
      ))}
      {link ? (
        <a className="csv-link" data-testid="csv-link" href={link.href} download={link.filename}>
          Download {link.filename}
        </a>
      ) : null}
      <ErrorList problems={problems} />
    </div>
  );
}
