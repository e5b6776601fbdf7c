package org.digilit.account.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.function.Consumer;
import org.digilit.account.AccountFilter;
import org.digilit.account.AccountState;
import org.digilit.base.Audience;
import org.digilit.organisation.OrganisationService;
import org.digilit.organisation.OrganisationSummary;
import org.digilit.organisation.ui.OrganisationPicker;
import org.jspecify.annotations.Nullable;

/**
 * The filters above an accounts grid: organisation (searched lazily within scope), audience, state (optional), and a
 * text that finds a person by name, username or whole identity number. Calls back with the filter on every change.
 */
class AccountFilterBar extends FlexLayout {

    private final OrganisationPicker organisation;
    private final Select<Audience> audience = new Select<>();
    private final Select<AccountState> state = new Select<>();
    private final TextField text = new TextField();
    private final boolean withState;

    AccountFilterBar(OrganisationService organisations, boolean withState, Consumer<AccountFilter> onChange) {
        this.withState = withState;
        addClassName("filter-bar");
        setFlexWrap(FlexWrap.WRAP);

        text.setLabel(getTranslation("accounts.search"));
        text.setPlaceholder(getTranslation("accounts.search.placeholder"));
        text.setPrefixComponent(VaadinIcon.SEARCH.create());
        text.setClearButtonVisible(true);
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.setMinWidth("18rem");
        // An identity number typed here is personal data: the browser must not remember it.
        text.getElement().setAttribute("autocomplete", "off");

        organisation = new OrganisationPicker(organisations, getTranslation("accounts.organisation"));
        organisation.setClearButtonVisible(true);

        audience.setLabel(getTranslation("accounts.audience"));
        audience.setItems(Audience.values());
        audience.setEmptySelectionAllowed(true);
        audience.setEmptySelectionCaption(getTranslation("accounts.any"));
        audience.setItemLabelGenerator(
                a -> a == null ? getTranslation("accounts.any") : getTranslation("audience." + a.code()));

        state.setLabel(getTranslation("accounts.state"));
        state.setItems(AccountState.values());
        state.setEmptySelectionAllowed(true);
        state.setEmptySelectionCaption(getTranslation("accounts.any"));
        state.setItemLabelGenerator(
                s -> s == null ? getTranslation("accounts.any") : getTranslation("account.state." + s.name()));
        state.setVisible(withState);

        text.addValueChangeListener(e -> onChange.accept(filter()));
        organisation.addValueChangeListener(e -> onChange.accept(filter()));
        audience.addValueChangeListener(e -> onChange.accept(filter()));
        state.addValueChangeListener(e -> onChange.accept(filter()));
        add(text, organisation, audience, state);
    }

    AccountFilter filter() {
        @Nullable OrganisationSummary chosen = organisation.getValue();
        return new AccountFilter(
                chosen == null ? null : chosen.id(),
                audience.getValue(),
                withState ? state.getValue() : AccountState.PENDING,
                text.getValue());
    }
}
