/** JMH benchmarks and synthetic data for side-by-side timing against R (benchmarks/README.md); never part of the tests. */
package org.padlock.bench;
