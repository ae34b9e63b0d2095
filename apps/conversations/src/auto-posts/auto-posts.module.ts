import { Module } from '@nestjs/common';
import { CommonModule } from '../common/common.module';
import { DataModule } from '../data/data.module';
import { OutboundModule } from '../outbound/outbound.module';
import { AutoPostsService } from './auto-posts.service';
import { OutOfHoursAckService } from './out-of-hours-ack.service';
import { WaitStatusService } from './wait-status.service';

/** Posts the brand makes by itself: the out-of-hours acknowledgement and the expected-wait status tweet. */
@Module({
  imports: [DataModule, CommonModule, OutboundModule],
  providers: [AutoPostsService, OutOfHoursAckService, WaitStatusService],
  exports: [AutoPostsService, OutOfHoursAckService, WaitStatusService],
})
export class AutoPostsModule {}
