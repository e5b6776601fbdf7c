/** Quarterly completion reporting for the steering committee. */
@org.jspecify.annotations.NullMarked
package org.digilit.report;
