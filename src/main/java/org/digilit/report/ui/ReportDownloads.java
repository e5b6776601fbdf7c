package org.digilit.report.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import org.digilit.organisation.OutOfScopeException;
import org.digilit.report.Report;
import org.digilit.report.ReportExport;
import org.digilit.report.ReportLabels;

/**
 * What the user sees, as CSV, Excel or PDF: made when the link is followed (the export checks scope again and audits
 * the download).
 */
class ReportDownloads extends Composite<Div> {

    ReportDownloads(Report report, ReportExport exports, ReportLabels labels) {
        var box = getContent();
        box.addClassName("report-downloads");
        box.add(new Span(getTranslation("report.download")));
        for (var format : ReportExport.Format.values()) {
            var link = new Anchor(
                    DownloadHandler.fromInputStream(event -> {
                        ReportExport.ExportedFile file;
                        try {
                            file = exports.export(
                                    report, format, labels, event.getRequest().getRemoteAddr());
                        } catch (OutOfScopeException e) {
                            return DownloadResponse.error(403);
                        }
                        return new DownloadResponse(
                                new ByteArrayInputStream(file.content()),
                                file.fileName(),
                                file.contentType(),
                                file.content().length);
                    }),
                    getTranslation("report.download." + format.extension()));
            link.addClassName("download-" + format.extension());
            box.add(link);
        }
    }
}
