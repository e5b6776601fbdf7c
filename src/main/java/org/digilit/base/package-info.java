/**
 * Small shared pieces every feature may use: the clock, scheduling, the platform's address and languages, uploads
 * limited on the server and swept, the reading of uploaded tables (CSV, XLSX) with the problems they report, PDF fonts
 * and QR codes, text folding for search, and the public forms' bot guard. No feature logic lives here.
 */
@org.jspecify.annotations.NullMarked
package org.digilit.base;
