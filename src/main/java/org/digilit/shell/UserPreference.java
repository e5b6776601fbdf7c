package org.digilit.shell;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A signed-in user's preferences, keyed by their Keycloak subject. */
@Entity
@Table(name = "user_preference")
class UserPreference {

    static final int LOCALE_MAX_LENGTH = 16;

    @Id
    @Column(name = "user_subject", nullable = false, length = 64)
    private String userSubject;

    @Column(nullable = false, length = LOCALE_MAX_LENGTH)
    private String locale;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected UserPreference() {
        this.userSubject = "";
        this.locale = "";
        this.updatedAt = Instant.EPOCH;
    }

    UserPreference(String userSubject, String locale, Instant updatedAt) {
        this.userSubject = userSubject;
        this.locale = locale;
        this.updatedAt = updatedAt;
    }

    String locale() {
        return locale;
    }

    void changeLocale(String locale, Instant when) {
        this.locale = locale;
        this.updatedAt = when;
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof UserPreference that && userSubject.equals(that.userSubject);
    }

    @Override
    public int hashCode() {
        return Objects.hash(userSubject);
    }
}
