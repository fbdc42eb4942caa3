/** The evaluation layer: months' progress, cost (ingredients model) and the EEF rating tables. */
package org.padlock.eef;
