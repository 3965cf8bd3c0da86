export * from './assignment/select-reviewers';
export * from './scoring/aggregate';
export * from './panel/panel.service';
export * from './review.module';
export * from './objections/objection-relations';
export * from './assignment/assignment-relations';
export * from './outside-results/outside-result-relations';
