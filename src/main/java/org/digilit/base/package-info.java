/**
 * Small shared pieces every feature may use: the clock, scheduling, the platform's address and languages, uploads
 * limited on the server and swept, the reading of uploaded tables (CSV, XLSX) with the problems they report, PDF fonts
 * and QR codes, text folding for search, the public forms' bot guard, and the shared vocabulary: who learns ({@link
 * org.digilit.base.Audience}), the calendar quarter ({@link org.digilit.base.Quarter}) and the rule for a text kept in
 * Vietnamese and English ({@link org.digilit.base.Bilingual}). No feature logic lives here.
 */
@org.jspecify.annotations.NullMarked
package org.digilit.base;
