/** Views for organisation administrators. */
@org.jspecify.annotations.NullMarked
package org.digilit.organisation.ui;
