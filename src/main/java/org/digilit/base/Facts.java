package org.digilit.base;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import org.jspecify.annotations.Nullable;

/**
 * A labelled value in a details list ("—" when there is none), styled by the theme's {@code .fact} rules: accounts,
 * sessions and certificates show their facts alike.
 */
public final class Facts {

    private Facts() {}

    public static Div of(String label, @Nullable String value) {
        var name = new Span(label);
        name.addClassName("fact-label");
        var text = new Span(value == null || value.isBlank() ? "—" : value);
        text.addClassName("fact-value");
        var fact = new Div(name, text);
        fact.addClassName("fact");
        return fact;
    }
}
