/**
 * Views of organisations for organisation and platform admins and working groups: the organisation tree and its
 * import, an organisation's details and the organisation admin's home, quarterly targets, and (platform admins)
 * working groups.
 */
@org.jspecify.annotations.NullMarked
package org.digilit.organisation.ui;
