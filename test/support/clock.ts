/**
 * The one instant the tests live at. The application under test, its demo data and the rows
 * the factories write are all dated from it, never from the machine's clock or the database's
 * `now()`: no test depends on the day, hour or time zone it runs in.
 */

/** 2026-11-29 10:00 in Brussels. */
export const TEST_NOW = new Date('2026-11-29T09:00:00Z');
