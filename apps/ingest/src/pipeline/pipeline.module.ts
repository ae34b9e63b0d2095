import { Module } from '@nestjs/common';
import { MentionPipeline } from './mention-pipeline.service';

/** De-duplicates and publishes the mentions the sources read. */
@Module({ providers: [MentionPipeline], exports: [MentionPipeline] })
export class PipelineModule {}
