/**
 * Views for accounts: the organisation admin's grid, a person's details and slips, the import wizard and the
 * verification queue (with walk-ins to register); the facilitators' password help; the platform admin's move requests
 * and Keycloak reconciliation ({@code /accounts/keycloak}); the learner's profile; and the public pages (registration,
 * forgotten password, and activation as plain HTML from {@link org.digilit.account.ui.ActivationController}).
 */
@org.jspecify.annotations.NullMarked
package org.digilit.account.ui;
