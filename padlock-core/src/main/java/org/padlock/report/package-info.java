/**
 * The report model: plain data (sections, tables of typed cells, figure data) built from a study's
 * results and passed once through disclosure control. Renderers in {@code padlock-report} format it
 * and never compute.
 */
package org.padlock.report;
