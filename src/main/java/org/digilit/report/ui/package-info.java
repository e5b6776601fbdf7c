/** Views for working-group staff: the quarterly dashboard. */
@org.jspecify.annotations.NullMarked
package org.digilit.report.ui;
