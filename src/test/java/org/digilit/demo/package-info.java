/** Deterministic demo and benchmark data: a fictional Vietnamese province's organisation tree. */
@org.jspecify.annotations.NullMarked
package org.digilit.demo;
