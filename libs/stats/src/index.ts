export * from './statistics/statistics.dto';
export * from './statistics/statistics.service';
export * from './statistics/statistics-workbook';
export * from './statistics/industry-sections';
export * from './snapshot/snapshot.service';
export * from './snapshot/snapshot-scheduler';
export * from './stats.module';
export * from './workbench/workbench.dto';
