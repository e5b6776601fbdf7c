/** Views of in-person sessions, the phone page's JSON endpoints, and the attendance dashboard. */
@org.jspecify.annotations.NullMarked
package org.digilit.session.ui;
