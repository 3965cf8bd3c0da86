export * from './entities/cycle.entity';
export * from './dto/cycle.dto';
export * from './services/cycles.service';
export * from './services/cycle-hooks';
export * from './beijing-time';
export * from './cycles.module';
export * from './services/cycle-reads';
