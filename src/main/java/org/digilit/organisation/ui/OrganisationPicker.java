package org.digilit.organisation.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import org.digilit.organisation.OrganisationService;
import org.digilit.organisation.OrganisationSummary;
import org.springframework.modulith.NamedInterface;

/**
 * Picks an organisation within the signed-in user's scope, found by code or name typed with or without diacritics
 * ("phu my" finds "Phú Mỹ"), shown as "code · name". The one organisation field of every form: the list comes from
 * {@link OrganisationService#search}, so it never offers what the user may not act on (the services still check).
 */
@NamedInterface("picker")
public class OrganisationPicker extends ComboBox<OrganisationSummary> {

    public OrganisationPicker(OrganisationService organisations, String label) {
        super(label);
        setItemLabelGenerator(o -> o.code() + " · " + o.name(getLocale()));
        setItems(query ->
                organisations.search(query.getFilter().orElse(""), query.getOffset(), query.getLimit()).stream());
    }
}
