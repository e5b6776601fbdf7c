package org.digilit.session;

/** A learner's attendance at a session. */
public enum MarkStatus {
    PRESENT,
    ABSENT,
    LATE;

    public boolean attended() {
        return this != ABSENT;
    }
}
