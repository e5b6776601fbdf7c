/** The application shell's state: each user's chosen language. */
@org.jspecify.annotations.NullMarked
package org.digilit.shell;
