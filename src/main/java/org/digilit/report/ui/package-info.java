/**
 * The reporting views: the quarterly dashboard (tiles, server-drawn SVG charts, the drill-down grid and the exports)
 * for working groups, organisation admins and platform admins, and the organisation admin's follow-up list.
 */
@org.jspecify.annotations.NullMarked
package org.digilit.report.ui;
