import { Module } from '@nestjs/common';
import { ListeningAdminModule } from '../listening-admin/listening-admin.module';
import { ListeningRequests } from './listening.requests';

/** The gateway's request/reply handlers. */
@Module({ imports: [ListeningAdminModule], providers: [ListeningRequests] })
export class TransportModule {}
