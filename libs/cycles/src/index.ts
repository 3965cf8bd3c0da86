export * from './cycles/cycle.entity';
export * from './cycles/cycle.dto';
export * from './cycles/cycles.service';
export * from './cycles/cycle-hooks';
export * from './cycles/beijing-time';
export * from './cycles.module';
export * from './cycles/cycle-relations';
export * from './cycles/cycle-reads';
