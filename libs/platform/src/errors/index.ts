export * from './error-code';
export * from './error-messages.zh-CN';
export * from './field-labels';
export * from './domain-error';
export * from './validation';
export * from './all-exceptions.filter';
