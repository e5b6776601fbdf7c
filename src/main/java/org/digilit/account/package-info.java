/**
 * Learning accounts in Keycloak: the {@link org.digilit.account.AccountDirectory} port through which the platform
 * creates, updates and reconciles the Keycloak users behind its accounts, and its Keycloak admin-API adapter.
 */
@org.jspecify.annotations.NullMarked
package org.digilit.account;
