/** Login through Keycloak (OIDC), the realm roles as Spring authorities, and who the current user is. */
@org.jspecify.annotations.NullMarked
package org.digilit.security;
