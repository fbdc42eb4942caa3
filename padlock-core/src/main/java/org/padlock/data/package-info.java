/** Columnar frames, declared schemas, readers (CSV and Parquet through DuckDB) and validation. */
package org.padlock.data;
