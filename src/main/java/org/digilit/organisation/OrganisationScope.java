package org.digilit.organisation;

import java.util.List;
import java.util.Set;

/**
 * The organisations a user may see and act on: everything (platform admin), whole subtrees (an organisation admin's
 * organisation, a working group's followed subtrees) and single organisations (a working group's hand-picked ones).
 * Enforced by the services; views only reflect it.
 */
public record OrganisationScope(boolean everything, List<String> subtreePaths, Set<Long> singleIds) {

    public OrganisationScope {
        subtreePaths = List.copyOf(subtreePaths);
        singleIds = Set.copyOf(singleIds);
    }

    public static OrganisationScope all() {
        return new OrganisationScope(true, List.of(), Set.of());
    }

    public static OrganisationScope nothing() {
        return new OrganisationScope(false, List.of(), Set.of());
    }

    public boolean isEmpty() {
        return !everything && subtreePaths.isEmpty() && singleIds.isEmpty();
    }

    public boolean includes(long id, String path) {
        return everything || singleIds.contains(id) || subtreePaths.stream().anyMatch(path::startsWith);
    }

    /**
     * SQL condition, always in parentheses, on an organisation row aliased {@code o}, with the parameters {@code :scopePaths} and
     * {@code :scopeIds}. Public for features that list their own rows per organisation (accounts, reports) and join
     * the organisation table for it: the organisation module's one published query contract (DD005).
     */
    public String sqlCondition() {
        if (everything) {
            // Parenthesised like the other branch: callers glue it to a text block's "where"/"and", whose trailing
            // space Java strips ("wheretrue" broke /sessions and /devices/report for platform admins).
            return "(true)";
        }
        return "(o.path like any (cast(:scopePaths as text[])) or o.id = any (cast(:scopeIds as bigint[])))";
    }

    /** The parameters of {@link #sqlCondition()}. */
    public java.util.Map<String, Object> sqlParameters() {
        return java.util.Map.of(
                "scopePaths", subtreePaths.stream().map(p -> p + "%").toArray(String[]::new),
                "scopeIds", singleIds.toArray(Long[]::new));
    }
}
