package org.digilit.report.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Span;

/** What the dashboard's charts share: legend swatches and the tables that give a screen reader the same figures. */
final class ChartParts {

    private ChartParts() {}

    static Span swatch(String cssClass, String text) {
        var mark = new Span();
        mark.addClassName("swatch");
        mark.addClassName(cssClass);
        var item = new Span(mark, new Span(text));
        item.addClassName("legend-item");
        return item;
    }

    /** Out of sight, still read by screen readers (a table ignores a 1 px size, so a box holds it). */
    static Div hidden(Component component) {
        var box = new Div(component);
        box.addClassName("visually-hidden");
        return box;
    }

    static NativeTableRow headerRow(String... texts) {
        var row = new NativeTableRow();
        for (var text : texts) {
            var cell = new NativeTableHeaderCell(text);
            cell.getElement().setAttribute("scope", "col");
            row.add(cell);
        }
        return row;
    }

    static NativeTableRow dataRow(String first, String... texts) {
        var row = new NativeTableRow();
        var heading = new NativeTableHeaderCell(first);
        heading.getElement().setAttribute("scope", "row");
        row.add(heading);
        for (var text : texts) {
            row.add(new NativeTableCell(text));
        }
        return row;
    }
}
