package org.digilit.report;

/**
 * The addresses of this feature's pages that other features link to (issue #15 item 6: no feature builds another's
 * route from strings; the shell sends each role to its home through these).
 */
public final class ReportNavigation {

    /** The working group's dashboard (report.ui.DashboardView). */
    public static final String DASHBOARD = "dashboard";

    private ReportNavigation() {}
}
