/**
 * Accounts tied to identity numbers: bulk import and self-registration, verification, provisioning to Keycloak through
 * the {@link org.digilit.account.AccountDirectory} port (its Keycloak adapter included), activation slips and codes,
 * and reconciliation. Owns {@code account} and its import, outbox, activation-code, rate-limit, move-request, import-check
 * and privileged-grant tables; publishes the view {@code account_learner} (DD013). Its SQL lives in package-private
 * stores ({@code AccountStore}, {@code AccountImportStore}, {@code MoveRequestStore}, {@code PrivilegedGrantStore},
 * {@code ActivationCodes}, {@code ImportChecks}, {@code ProvisioningOutbox}) and in {@code RateLimiter} and
 * {@code ProvisioningWorker}; the services keep the transaction, the scope check, validation and the audit call.
 */
@org.jspecify.annotations.NullMarked
package org.digilit.account;
