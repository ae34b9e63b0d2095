import { Module } from '@nestjs/common';
import { ListeningResolver } from './listening.resolver';
import { ListeningService } from './listening.service';

@Module({ providers: [ListeningService, ListeningResolver] })
export class ListeningModule {}
