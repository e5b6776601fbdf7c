/** The platform administrator's views: the status of the servers the platform depends on. */
@org.jspecify.annotations.NullMarked
package org.digilit.platform.ui;
