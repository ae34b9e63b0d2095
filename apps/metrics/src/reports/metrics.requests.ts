import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { MetricsRpc } from '@roost/contracts';
import { RpcServer } from '@roost/messaging';
import { StaffingService } from '../staffing/staffing.service';
import { WaitPublisher } from '../wait/wait-publisher.service';
import { CsvExporter } from './csv-exporter';
import { ReportsService } from './reports.service';

/** NATS request/reply for the gateway: one-line adapters (STYLE.md practice 7). */
@Injectable()
export class MetricsRequests implements OnApplicationBootstrap {
  constructor(
    private readonly rpc: RpcServer,
    private readonly reports: ReportsService,
    private readonly staffing: StaffingService,
    private readonly csv: CsvExporter,
    private readonly waits: WaitPublisher,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.rpc.serve(MetricsRpc.Summary, (r) => this.reports.summary(r));
    this.rpc.serve(MetricsRpc.Heatmap, (r) => this.reports.heatmap(r));
    this.rpc.serve(MetricsRpc.Staffing, (r) => this.staffing.advise(r));
    this.rpc.serve(MetricsRpc.ExportCsv, (r) => this.csv.export(r));
    this.rpc.serve(MetricsRpc.GetSettings, (r) => this.reports.settings(r));
    this.rpc.serve(MetricsRpc.SetSettings, (r) => this.reports.setSettings(r));
    this.rpc.serve(MetricsRpc.LatestWaits, async ({ brandId }) => ({ waits: await this.waits.latestFor(brandId) }));
    await this.rpc.ready();
  }
}
