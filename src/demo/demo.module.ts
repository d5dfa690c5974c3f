import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { DemoDataService } from './demo-data.service.js';

@Module({ imports: [DiscoveryModule], providers: [DemoDataService] })
export class DemoModule {}
