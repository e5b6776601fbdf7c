/** Accounts tied to identity numbers: import, verification, provisioning to Keycloak, activation. */
@org.jspecify.annotations.NullMarked
package org.digilit.account;
