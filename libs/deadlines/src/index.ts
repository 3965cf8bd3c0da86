export * from './firing/deadline-firing';
export * from './scheduling/deadline-scheduler';
export * from './scheduling/deadline-reconciler';
export * from './extension/deadline-extension';
export * from './deadlines.module';
export * from './scheduling/deadline-backlog';
export * from './cancellation/deadline-cancellation';
