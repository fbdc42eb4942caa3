/**
 * Readers for the Department for Education's school-level files as they are published: KS2 and KS4
 * performance tables, the school census, the school information spine and Get Information About
 * Schools extracts. Files are parsed by DuckDB's CSV reader; this package detects each file's layout
 * from a column mapping ({@code columns.yaml}, overridable), keeps school rows, maps the
 * Department's codes in place of numbers to missing values with counts by code, and joins files into
 * one row per school ({@code URN}) with one column per measure and year.
 */
package org.padlock.data.dfe;
