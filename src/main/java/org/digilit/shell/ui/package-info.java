/** The application shell: main layout, public landing page, routing each role to its home, language switch. */
@org.jspecify.annotations.NullMarked
package org.digilit.shell.ui;
