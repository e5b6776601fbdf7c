/** Views for accounts: the organisation admin's grid, import wizard and verification queue, and the public pages. */
@org.jspecify.annotations.NullMarked
package org.digilit.account.ui;
