package org.digilit.device.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.digilit.base.BotGuard;
import org.digilit.base.FormRefusal;
import org.digilit.base.PlatformAddress;
import org.digilit.device.CollectionPoint;
import org.digilit.device.DeviceCondition;
import org.digilit.device.DeviceKind;
import org.digilit.device.DeviceService;
import org.digilit.device.DonationForm;
import org.digilit.device.DonationService;
import org.digilit.device.HandoverWay;
import org.digilit.organisation.OrganisationService;
import org.digilit.organisation.OrganisationSummary;

/**
 * The public donation page (no account): the donor's phone, the devices, and how they reach the programme. Guarded
 * like /register (a hidden field, a minimum time to fill, a limit per address). The answer is a receipt with a QR code
 * that follows the devices from then on.
 */
@Route("donate")
@AnonymousAllowed
class DonationView extends Main implements HasDynamicTitle {

    private final transient DonationService donations;
    private final transient PlatformAddress address;
    private final transient Clock clock;
    private final Instant opened;
    private final TextField phone = new TextField();
    private final TextField donor = new TextField();
    private final Select<DeviceKind> kind = new Select<>();
    private final TextField model = new TextField();
    private final IntegerField age = new IntegerField();
    private final RadioButtonGroup<DeviceCondition> condition = new RadioButtonGroup<>();
    private final Checkbox charger = new Checkbox();
    private final IntegerField quantity = new IntegerField();
    private final RadioButtonGroup<HandoverWay> way = new RadioButtonGroup<>();
    private final Select<CollectionPoint> point = new Select<>();
    private final ComboBox<OrganisationSummary> commune = new ComboBox<>();
    private final TextField pickupAddress = new TextField();
    private final TextField request = new TextField();
    private final TextField trap = BotGuard.trapField();
    private final Div message = new Div();

    DonationView(
            DonationService donations,
            DeviceService devices,
            OrganisationService organisations,
            PlatformAddress address,
            Clock clock) {
        this.donations = donations;
        this.address = address;
        this.clock = clock;
        this.opened = clock.instant();
        addClassNames("page", "narrow", "donation");

        phone.setLabel(getTranslation("device.donate.phone"));
        phone.setRequired(true);
        phone.getElement().setAttribute("autocomplete", "tel");
        phone.getElement().setAttribute("inputmode", "tel");
        phone.addClassName("donation-phone");
        donor.setLabel(getTranslation("device.donate.donor"));
        donor.setMaxLength(DonationForm.TEXT_MAX_LENGTH);
        kind.setLabel(getTranslation("device.donate.kind"));
        kind.setItems(DeviceKind.values());
        kind.setItemLabelGenerator(k -> getTranslation("device.kind." + k.name()));
        kind.addClassName("donation-kind");
        model.setLabel(getTranslation("device.donate.model"));
        model.setMaxLength(DonationForm.TEXT_MAX_LENGTH);
        age.setLabel(getTranslation("device.donate.age"));
        age.setMin(0);
        age.setMax(50);
        condition.setLabel(getTranslation("device.donate.condition"));
        condition.setItems(DeviceCondition.values());
        condition.setItemLabelGenerator(c -> getTranslation("device.condition." + c.name()));
        condition.addClassName("donation-condition");
        charger.setLabel(getTranslation("device.donate.charger"));
        quantity.setLabel(getTranslation("device.donate.quantity"));
        quantity.setMin(1);
        quantity.setMax(DonationForm.MAX_QUANTITY);
        quantity.setValue(1);
        quantity.setStepButtonsVisible(true);
        way.setLabel(getTranslation("device.donate.way"));
        way.setItems(HandoverWay.values());
        way.setItemLabelGenerator(w -> getTranslation("device.way." + w.name()));
        way.addClassName("donation-way");
        point.setLabel(getTranslation("device.donate.point"));
        point.setItems(devices.collectionPoints());
        point.setItemLabelGenerator(p -> p.name(getLocale()) + (p.address() == null ? "" : " · " + p.address()));
        point.addClassName("donation-point");
        commune.setLabel(getTranslation("device.donate.commune"));
        commune.setItemLabelGenerator(o -> o.name(getLocale())); // no internal code on a citizen's page (DD014)
        commune.setItems(query ->
                organisations.communes(query.getFilter().orElse(""), query.getOffset(), query.getLimit()).stream());
        pickupAddress.setLabel(getTranslation("device.donate.address"));
        pickupAddress.setMaxLength(DonationForm.TEXT_MAX_LENGTH);
        request.setLabel(getTranslation("device.donate.request"));
        request.setHelperText(getTranslation("device.donate.request.help"));
        for (var field : new com.vaadin.flow.component.HasSize[] {
            phone, donor, kind, model, age, quantity, point, commune, pickupAddress, request
        }) {
            field.setWidthFull();
        }
        way.addValueChangeListener(change -> showWayFields());
        way.setValue(HandoverWay.DROP_OFF);

        var submit = new Button(getTranslation("device.donate.submit"), click -> submit());
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClassName("donation-submit");
        message.addClassName("form-message");
        message.getElement().setAttribute("role", "status");
        message.getElement().setAttribute("aria-live", "polite");
        var ledger = new Anchor("ledger", getTranslation("device.ledger.title"));
        add(
                new H1(getTranslation("device.donate.title")),
                new Paragraph(getTranslation("device.donate.intro")),
                phone,
                donor,
                kind,
                model,
                age,
                condition,
                charger,
                quantity,
                way,
                point,
                commune,
                pickupAddress,
                request,
                trap,
                submit,
                message,
                new Paragraph(ledger));
    }

    private void showWayFields() {
        var chosen = way.getValue();
        point.setVisible(chosen == HandoverWay.DROP_OFF);
        commune.setVisible(chosen == HandoverWay.PICK_UP);
        pickupAddress.setVisible(chosen == HandoverWay.PICK_UP);
        request.setVisible(chosen == HandoverWay.DIRECT);
    }

    private void submit() {
        message.removeAll();
        message.removeClassName("error");
        Map<String, HasValidation> fields = new HashMap<>();
        fields.put("phone", phone);
        fields.put("kind", kind);
        fields.put("model", model);
        fields.put("age", age);
        fields.put("condition", condition);
        fields.put("quantity", quantity);
        fields.put("way", way);
        fields.put("point", point);
        fields.put("commune", commune);
        fields.put("address", pickupAddress);
        fields.put("request", request);
        fields.values().forEach(f -> f.setInvalid(false));
        var result = donations.donate(
                new DonationForm(
                        phone.getValue(),
                        donor.getValue(),
                        kind.getValue(),
                        model.getValue(),
                        age.getValue(),
                        condition.getValue(),
                        charger.getValue(),
                        quantity.getValue() == null ? 0 : quantity.getValue(),
                        way.getValue(),
                        point.getValue() == null ? null : point.getValue().organisationId(),
                        commune.getValue() == null ? null : commune.getValue().id(),
                        pickupAddress.getValue(),
                        request.getValue()),
                Addresses.client(),
                Duration.between(opened, clock.instant()),
                trap.getValue());
        switch (result.status()) {
            case RECEIVED -> {
                removeAll();
                add(new H1(getTranslation("device.donate.title")));
                var thanks = new Paragraph(getTranslation("device.donate.thanks"));
                thanks.addClassName("donation-received");
                add(thanks);
                if (result.receiptCode() != null) {
                    var path = DonationService.receiptPath(result.receiptCode());
                    var receipt = new Div();
                    receipt.addClassName("donation-receipt");
                    receipt.add(
                            new Paragraph(getTranslation("device.donate.receipt", result.receiptCode())),
                            Qr.of(address.resolve(path), getTranslation("device.donate.qr")),
                            new Anchor(path.substring(1), getTranslation("device.donate.open-receipt")));
                    add(receipt);
                }
            }
            case RATE_LIMITED ->
                FormRefusal.show(message, getTranslation("device.donate.rate-limited"), Map.of(), fields);
            case INVALID ->
                FormRefusal.show(message, getTranslation("device.donate.invalid"), result.problems(), fields);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("device.donate.title") + " · DigiLit";
    }
}
