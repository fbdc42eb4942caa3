/** Renderers of the report model: self-contained HTML with inline SVG figures, JSON results and CSV tables. */
package org.padlock.render;
