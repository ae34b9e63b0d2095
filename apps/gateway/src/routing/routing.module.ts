import { Module } from '@nestjs/common';
import { RoutingResolver } from './routing.resolver';
import { RoutingService } from './routing.service';

@Module({ providers: [RoutingService, RoutingResolver] })
export class RoutingModule {}
