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
     * The scope as one complete SQL predicate on an organisation row aliased {@code o} (of the published view
     * {@code organisation_directory}, DD013), with the parameters {@link #sqlParameters()}: always parenthesised and with
     * a space either side, so it can stand after {@code where} or {@code and} however the caller's text ends (a text
     * block drops a line's trailing space: {@code "... and" + "true"} once read {@code andtrue}). The organisation
     * module's published query contract.
     */
    public String sqlCondition() {
        return sqlCondition("o");
    }

    /** The same predicate on an organisation row aliased {@code alias}. */
    public String sqlCondition(String alias) {
        if (!alias.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("Not an SQL alias: " + alias);
        }
        if (everything) {
            return " (true) ";
        }
        return " (" + alias + ".path like any (cast(:scopePaths as text[])) or " + alias
                + ".id = any (cast(:scopeIds as bigint[]))) ";
    }

    /** The parameters of {@link #sqlCondition()}. */
    public java.util.Map<String, Object> sqlParameters() {
        return java.util.Map.of(
                "scopePaths", subtreePaths.stream().map(p -> p + "%").toArray(String[]::new),
                "scopeIds", singleIds.toArray(Long[]::new));
    }
}
