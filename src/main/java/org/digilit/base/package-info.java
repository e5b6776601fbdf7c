/** Small shared pieces every feature may use: the clock and the platform's settings. No feature logic lives here. */
@org.jspecify.annotations.NullMarked
package org.digilit.base;
