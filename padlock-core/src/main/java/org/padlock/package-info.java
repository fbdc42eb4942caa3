/** padlock: quasi-experimental impact evaluation of school programmes. Shared failure types live here. */
package org.padlock;
