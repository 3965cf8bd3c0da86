import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One row of the append-only audit log (the database refuses UPDATE, DELETE and TRUNCATE). */
@Entity('audit_events')
export class AuditRecord {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ name: 'actor_role', type: 'varchar', length: 32 })
  actorRole: string;

  @Column({ type: 'varchar', length: 64 })
  action: string;

  @Column({ name: 'entity_type', type: 'varchar', length: 50 })
  entityType: string;

  @Column({ name: 'entity_id', type: 'varchar', length: 200 })
  entityId: string;

  @Column({ name: 'office_ids', type: 'uuid', array: true })
  officeIds: string[];

  /** {field: {from, to}} or {field: {redacted: true}}: see fieldChanges. */
  @Column({ type: 'jsonb' })
  changes: object;

  @Column({ type: 'jsonb' })
  details: object;

  @Column({ name: 'client_ip', type: 'varchar', length: 100, nullable: true })
  clientIp: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
