/** The application shell's state: each user's chosen language ({@code user_preference}, through JdbcClient). */
@org.jspecify.annotations.NullMarked
package org.digilit.shell;
