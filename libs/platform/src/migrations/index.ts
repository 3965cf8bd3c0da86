import { WorkflowEngine1795560100000 } from './1795560100000-workflow-engine';
import { Applications1795560300000 } from './1795560300000-applications';
import { OnsiteFindingsAndRecommendations1795560700000 } from './1795560700000-onsite-findings-and-recommendations';
import { AppendOnlyAudit1795561100000 } from './1795561100000-append-only-audit';

/**
 * Landed migrations that each change the tables of more than one context (the engine's tables with
 * the deadlines; applications with the audit log and users; …). They stay here because landed
 * migrations are never edited or split. A new migration goes into the lib that owns its tables.
 */
export const SHARED_MIGRATIONS = [
  WorkflowEngine1795560100000,
  Applications1795560300000,
  OnsiteFindingsAndRecommendations1795560700000,
  AppendOnlyAudit1795561100000,
];
