/**
 * Login through Keycloak (OIDC), the realm roles as Spring authorities, and who the current user is; sessions that end
 * when rights end (back-channel logout, the per-navigation re-check), the browser-side headers and cookies, and the
 * provisioning client's signed-JWT tokens (DD008).
 */
@org.jspecify.annotations.NullMarked
package org.digilit.security;
