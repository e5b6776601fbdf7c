/**
 * Small shared pieces every feature may use: the clock, the platform's settings, and the reading of uploaded tables
 * (CSV, XLSX) with the problems they report, and the public forms' bot guard. No feature logic lives here.
 */
@org.jspecify.annotations.NullMarked
package org.digilit.base;
