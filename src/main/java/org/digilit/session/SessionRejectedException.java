package org.digilit.session;

/** Bad input or a rule that refuses the change: the message key says why (translated by the views); nothing changed. */
public class SessionRejectedException extends RuntimeException {

    private final String messageKey;

    public SessionRejectedException(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
