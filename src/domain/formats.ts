/**
 * Number formats the tool writes, in one place: the template's date-time columns, the review
 * log's Tidspunkt, and every adapter's "datetime" style use this one.
 */

/** A date with the time of day, as the municipalities write it (spec §2.3). */
export const DATETIME_FORMAT = 'dd-mm-yyyy hh:mm';
