/** The platform's connections to its external servers (Keycloak, Elasticsearch), their health and start-up diagnostics. */
@org.jspecify.annotations.NullMarked
package org.digilit.platform;
