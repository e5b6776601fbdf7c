package org.digilit.session.ui;

import com.vaadin.flow.component.grid.Grid;
import org.digilit.session.Correction;

/** The columns both lists of attendance corrections share (a session's page, the officer's list). */
final class CorrectionColumns {

    private CorrectionColumns() {}

    /** The learner, the status asked for and the reason. */
    static void add(Grid<Correction> grid) {
        grid.addColumn(Correction::learner)
                .setHeader(grid.getTranslation("sessions.learner"))
                .setAutoWidth(true);
        grid.addColumn(c -> grid.getTranslation(
                        "attendance.status." + c.status().name().toLowerCase()))
                .setHeader(grid.getTranslation("sessions.status"))
                .setAutoWidth(true);
        grid.addColumn(Correction::reason)
                .setHeader(grid.getTranslation("sessions.reason"))
                .setFlexGrow(1);
    }
}
