package org.digilit.base;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import java.util.Map;

/**
 * How a public form (registration, donation) shows a refusal: the message above it in the error style, and each
 * field's problem on that field in the reader's language.
 */
public final class FormRefusal {

    private FormRefusal() {}

    /**
     * @param message the form's message area
     * @param text what is wrong, in the reader's language
     * @param problems translation keys by field name (empty when no field is to blame)
     * @param fields the form's fields by name
     */
    public static void show(
            Div message, String text, Map<String, String> problems, Map<String, ? extends HasValidation> fields) {
        message.addClassName("error");
        message.add(new Paragraph(text));
        problems.forEach((field, key) -> {
            var component = fields.get(field);
            if (component != null) {
                component.setErrorMessage(message.getTranslation(key));
                component.setInvalid(true);
            }
        });
    }
}
