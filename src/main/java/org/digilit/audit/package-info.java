/**
 * Who changed what, when and from where: an append-only trail of account changes, imports and exports, and counts of
 * anonymous requests per hour. Owns {@code audit_event} and {@code audit_anonymous_window}; their SQL lives in the
 * package-private {@code AuditStore}.
 */
@org.jspecify.annotations.NullMarked
package org.digilit.audit;
