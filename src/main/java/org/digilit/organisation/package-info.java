/**
 * Organisations, working groups and quarterly targets, and who may see and act on what ({@link
 * org.digilit.organisation.OrganisationScope}). Owns {@code organisation}, its parent history, the working-group
 * tables and {@code target}; publishes the view {@code organisation_directory} and the scope predicate over it
 * (DD013). The SQL lives in package-private stores ({@code OrganisationStore} for the tree, its history and imports,
 * {@code WorkingGroupStore}, {@code TargetStore}); the services keep the transaction, the scope check, validation and
 * the audit call.
 */
@org.jspecify.annotations.NullMarked
package org.digilit.organisation;
