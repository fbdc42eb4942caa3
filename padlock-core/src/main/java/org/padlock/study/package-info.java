/**
 * The study plan (YAML) and the pipeline that runs it: ingest and validation, the outcome-blind
 * design stage, freezing, the analysis stage, the evaluation layer and the report model.
 */
package org.padlock.study;
