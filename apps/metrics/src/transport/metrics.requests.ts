import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { MetricsRpc } from '@roost/contracts';
import { ActorRoles, RpcServer } from '@roost/messaging';
import { CsvExporter } from '../reports/csv-exporter';
import { ReportsService } from '../reports/reports.service';
import { StaffingService } from '../staffing/staffing.service';
import { WaitPublisher } from '../wait/wait-publisher.service';

/** NATS request/reply for the gateway: one-line adapters (STYLE.md practice 7). */
@Injectable()
export class MetricsRequests implements OnApplicationBootstrap {
  constructor(
    private readonly rpc: RpcServer,
    private readonly reports: ReportsService,
    private readonly staffing: StaffingService,
    private readonly csv: CsvExporter,
    private readonly waits: WaitPublisher,
    private readonly roles: ActorRoles,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // Every report is judged on the actor's current role, asked of routing (ActorRoles), never on `actorRole`.
    const checked = <T extends Parameters<ActorRoles['checked']>[0]>(r: T): Promise<T> =>
      this.roles.checked(r);
    this.rpc.serve(MetricsRpc.Summary, async (r) => this.reports.summary(await checked(r)));
    this.rpc.serve(MetricsRpc.Heatmap, async (r) => this.reports.heatmap(await checked(r)));
    this.rpc.serve(MetricsRpc.Staffing, async (r) => this.staffing.advise(await checked(r)));
    this.rpc.serve(MetricsRpc.ExportCsv, async (r) =>
      this.csv.export({ ...r, request: await checked(r.request) } as typeof r),
    );
    this.rpc.serve(MetricsRpc.GetSettings, async (r) => this.reports.settings(await checked(r)));
    this.rpc.serve(MetricsRpc.SetSettings, async (r) => this.reports.setSettings(await checked(r)));
    this.rpc.serve(MetricsRpc.LatestWaits, async ({ brandId }) => ({
      waits: await this.waits.latestFor(brandId),
    }));
    await this.rpc.ready();
  }
}
