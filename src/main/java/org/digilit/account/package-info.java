/**
 * Accounts tied to identity numbers: bulk import and self-registration, verification, provisioning to Keycloak through
 * the {@link org.digilit.account.AccountDirectory} port (its Keycloak adapter included), activation slips and codes,
 * and reconciliation.
 */
@org.jspecify.annotations.NullMarked
package org.digilit.account;
