import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A municipality. Everything else in Laufweg is scoped to one. */
@Entity({ name: 'tenant' })
export class TenantEntity {
  @PrimaryColumn({ type: 'text' })
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'official_key', type: 'text', nullable: true })
  officialKey!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
