package org.digilit.organisation;

/**
 * The addresses of this feature's pages that other features link to (issue #15 item 6: no feature builds another's
 * route from strings; the shell sends each role to its home through these).
 */
public final class OrganisationNavigation {

    /** The organisation admin's home (organisation.ui.OrganisationHomeView). */
    public static final String HOME = "organisation";

    private OrganisationNavigation() {}
}
