package org.digilit.account;

/**
 * Someone who helps people with their accounts (an organisation admin, a facilitator), as the public "forgot password"
 * page names them: the name they go by and the code of their organisation. Nothing else about them.
 */
public record StaffContact(String displayName, String organisationCode) {}
