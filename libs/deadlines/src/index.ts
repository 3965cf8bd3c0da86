export * from './deadline-firing';
export * from './deadline-scheduler';
export * from './deadline-reconciler';
export * from './deadline-extension';
export * from './deadlines.module';
export * from './deadline-backlog';
export * from './deadline-cancellation';
