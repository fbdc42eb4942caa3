/** The padlock command line (picocli): the only place that prints or exits. */
package org.padlock.cli;
