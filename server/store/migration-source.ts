/**
 * Migrations as TypeScript objects in a fixed list, handed to knex through a custom migration source:
 * no file globbing, so the same list runs under tsx, vitest and a bundled build alike.
 */
import type { Knex } from 'knex';
import { initialSchema } from './migrations/0001-initial.js';
import { itemsSchema } from './migrations/0002-items.js';
import { identitySchema } from './migrations/0003-identity.js';
import { approvalCasesSchema } from './migrations/0004-approval-cases.js';
import { settingsSchema } from './migrations/0005-settings.js';
import { requestKeysSchema } from './migrations/20261202-request-keys.js';
import { caseListNamesSchema } from './migrations/20261202-case-list-names.js';
import { realNameAndReservationsSchema } from './migrations/20261202-real-name-and-reservations.js';
import { passwordChangeSchema } from './migrations/20261202T0430-password-change.js';
import { applicantNotificationsSchema } from './migrations/20261202T0800-applicant-notifications.js';
import { rateCountersSchema } from './migrations/20261202T0810-rate-counters.js';
import { organisationSchema } from './migrations/20261202T0900-organisation.js';
import { localitySettingsSchema } from './migrations/20261202T0910-locality-settings.js';
import { versionNotesSchema } from './migrations/20261202T0930-version-notes.js';
import { signingKeysSchema } from './migrations/20261202T0940-signing-keys.js';
import { taskCandidatesSchema } from './migrations/20261202T0950-task-candidates.js';
import { calendarYearsSchema } from './migrations/20261202T1700-calendar-years.js';
import { copyReadsSchema } from './migrations/20261202T1710-copy-reads.js';
import { yellowLightSchema } from './migrations/20261202T1700-yellow-light.js';
import { supervisionRecordNamesSchema } from './migrations/20261202T1730-supervision-record-names.js';
import { caseDepartmentsSchema } from './migrations/20261203T1430-case-departments.js';
import { pgExpectRowsSchema } from './migrations/20261204-pg-expect-rows.js';
import { eventTypeIndexSchema } from './migrations/20261204T0300-event-type-index.js';
import { eventLogSchema } from './migrations/20261204T0400-event-log.js';

/** A knex migration with the name knex records in its migrations table. */
export interface NamedMigration extends Knex.Migration {
  name: string;
}

/**
 * Every migration, oldest first. Append only: a released migration is never edited. One per line, so that
 * migrations added side by side merge (`.gitattributes` merges this file as a union).
 */
export const MIGRATIONS: readonly NamedMigration[] = [
  initialSchema,
  identitySchema,
  itemsSchema,
  approvalCasesSchema,
  settingsSchema,
  requestKeysSchema,
  caseListNamesSchema,
  realNameAndReservationsSchema,
  passwordChangeSchema,
  applicantNotificationsSchema,
  rateCountersSchema,
  organisationSchema,
  localitySettingsSchema,
  versionNotesSchema,
  signingKeysSchema,
  taskCandidatesSchema,
  calendarYearsSchema,
  copyReadsSchema,
  yellowLightSchema,
  supervisionRecordNamesSchema,
  caseDepartmentsSchema,
  pgExpectRowsSchema,
  eventTypeIndexSchema,
  eventLogSchema,
];

/** Serves `MIGRATIONS` to `knex.migrate`. */
export class ListMigrationSource implements Knex.MigrationSource<NamedMigration> {
  constructor(private readonly migrations: readonly NamedMigration[] = MIGRATIONS) {}

  getMigrations(): Promise<NamedMigration[]> {
    return Promise.resolve([...this.migrations]);
  }

  getMigrationName(migration: NamedMigration): string {
    return migration.name;
  }

  getMigration(migration: NamedMigration): Promise<Knex.Migration> {
    return Promise.resolve(migration);
  }
}
