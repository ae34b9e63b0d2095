import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { ListeningAdminModule } from '../listening-admin/listening-admin.module';
import { CasesRequests } from './cases.requests';
import { ListeningRequests } from './listening.requests';

/** The gateway's request/reply handlers. */
@Module({ imports: [ListeningAdminModule, CasesModule], providers: [ListeningRequests, CasesRequests] })
export class TransportModule {}
