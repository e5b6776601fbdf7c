package org.digilit.device;

import java.util.ArrayList;
import java.util.HashSet;
import org.digilit.organisation.OrganisationRef;
import org.digilit.organisation.OrganisationScope;
import org.digilit.organisation.OrganisationService;
import org.digilit.organisation.OutOfScopeException;
import org.digilit.security.AuthenticatedUser;
import org.digilit.security.CurrentUser;
import org.digilit.security.Roles.Role;
import org.springframework.stereotype.Component;

/**
 * Who may act on which organisations' devices and requests: a platform admin everywhere; an organisation admin and a
 * device officer in their account's organisation and its subtree (a province's officer for the province, a commune's
 * for the commune). Working-group members may read (reports, stock) what their groups follow, never act.
 */
@Component
class DeviceScope {

    private final OrganisationService organisations;
    private final CurrentUser currentUser;

    DeviceScope(OrganisationService organisations, CurrentUser currentUser) {
        this.organisations = organisations;
        this.currentUser = currentUser;
    }

    AuthenticatedUser user() {
        return currentUser.get().orElseThrow(OutOfScopeException::new);
    }

    /** Where the signed-in user may act (approve, receive, hand over). */
    OrganisationScope acting() {
        var user = currentUser.get().orElse(null);
        if (user == null) {
            return OrganisationScope.nothing();
        }
        if (user.has(Role.PLATFORM_ADMIN)) {
            return OrganisationScope.all();
        }
        var paths = new ArrayList<String>();
        if ((user.has(Role.ORG_ADMIN) || user.has(Role.DEVICE_OFFICER)) && user.organisationCode() != null) {
            organisations.referenceByCode(user.organisationCode()).ifPresent(o -> paths.add(o.path()));
        }
        return new OrganisationScope(false, paths, new HashSet<>());
    }

    /** Where the signed-in user may read device figures: where they act, plus what their working groups follow. */
    OrganisationScope reading() {
        var user = currentUser.get().orElse(null);
        if (user == null) {
            return OrganisationScope.nothing();
        }
        var acting = acting();
        if (acting.everything() || !user.has(Role.WORKING_GROUP)) {
            return acting;
        }
        var followed = organisations.scopeOf(user);
        var paths = new ArrayList<>(acting.subtreePaths());
        paths.addAll(followed.subtreePaths());
        return new OrganisationScope(false, paths, followed.singleIds());
    }

    /** The organisation, if the user may act on it; else {@link OutOfScopeException}. */
    OrganisationRef requireActing(long organisationId) {
        var organisation = organisations.reference(organisationId).orElseThrow(OutOfScopeException::new);
        if (!acting().includes(organisation.id(), organisation.path())) {
            throw new OutOfScopeException();
        }
        return organisation;
    }

    OrganisationRef requireReading(long organisationId) {
        var organisation = organisations.reference(organisationId).orElseThrow(OutOfScopeException::new);
        if (!reading().includes(organisation.id(), organisation.path())) {
            throw new OutOfScopeException();
        }
        return organisation;
    }
}
