/** Organisations, working groups and quarterly targets. */
@org.jspecify.annotations.NullMarked
package org.digilit.organisation;
