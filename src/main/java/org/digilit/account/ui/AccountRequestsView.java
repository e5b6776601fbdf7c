package org.digilit.account.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.digilit.account.AccountImportService;
import org.digilit.account.ImportCapNotice;
import org.digilit.account.MoveRequestService;
import org.digilit.account.MoveRequestService.MoveRequest;
import org.digilit.base.ProgrammeTime;
import org.digilit.security.Roles;

/**
 * What imports left for the platform admin (DD007): move requests (a verified person an import found in another
 * organisation), to grant or decline one by one, and the people-file checks that reached the daily cap on matches
 * outside their admin's scope.
 */
@Route("accounts/requests")
@RolesAllowed(Roles.PLATFORM_ADMIN)
@Menu(title = "nav.account-requests", order = 42)
class AccountRequestsView extends Main implements HasDynamicTitle {

    private final transient MoveRequestService moves;
    private final Grid<MoveRequest> requests = new Grid<>();

    private final ProgrammeTime time;

    AccountRequestsView(MoveRequestService moves, AccountImportService imports, ProgrammeTime time) {
        this.time = time;
        this.moves = moves;
        addClassName("page");
        addClassName("account-requests");

        requests.addColumn(MoveRequest::fullName).setHeader(getTranslation("accounts.name"));
        requests.addColumn(MoveRequest::maskedIdentityNumber).setHeader(getTranslation("accounts.identity"));
        requests.addColumn(r -> r.fromCode() + " → " + r.toCode()).setHeader(getTranslation("requests.move"));
        requests.addColumn(r -> r.requestedBy() + " · " + time.dateTime().format(r.requestedAt()))
                .setHeader(getTranslation("requests.asked"));
        requests.addComponentColumn(r -> {
                    var grant = new Button(getTranslation("requests.grant"), click -> decide(r, true));
                    grant.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
                    var decline = new Button(getTranslation("requests.decline"), click -> decide(r, false));
                    decline.addThemeVariants(ButtonVariant.LUMO_SMALL);
                    return new FlexLayout(grant, decline);
                })
                .setAutoWidth(true);
        requests.setAllRowsVisible(true);
        requests.addClassName("move-requests");

        var notices = new Grid<ImportCapNotice>();
        notices.addColumn(ImportCapNotice::checkedBy).setHeader(getTranslation("requests.cap.who"));
        notices.addColumn(ImportCapNotice::fileName).setHeader(getTranslation("requests.cap.file"));
        notices.addColumn(ImportCapNotice::outOfScopeMatches).setHeader(getTranslation("requests.cap.matches"));
        notices.addColumn(n -> time.dateTime().format(n.checkedAt())).setHeader(getTranslation("audit.when"));
        notices.setItems(imports.capNotices());
        notices.setAllRowsVisible(true);
        notices.addClassName("cap-notices");

        add(
                new H1(getTranslation("requests.title")),
                new H2(getTranslation("requests.moves")),
                new Paragraph(getTranslation("requests.moves.help")),
                requests,
                new H2(getTranslation("requests.cap")),
                new Paragraph(getTranslation("requests.cap.help")),
                notices);
        refresh();
    }

    private void decide(MoveRequest request, boolean move) {
        moves.decide(request.id(), move, Addresses.client());
        refresh();
    }

    private void refresh() {
        requests.setItems(moves.open());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("requests.title") + " · DigiLit";
    }
}
