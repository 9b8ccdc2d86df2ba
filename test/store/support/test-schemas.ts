/** The prefix of every PostgreSQL schema the store suites make (test/global-setup.ts drops them after the run). */
export const TEST_SCHEMA_PREFIX = 'vigil_test_';
