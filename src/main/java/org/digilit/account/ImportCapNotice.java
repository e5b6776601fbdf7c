package org.digilit.account;

import java.time.Instant;

/**
 * A people-file check that reached the daily cap on matches outside its admin's scope (DD007): who, which file, how
 * many matches, when. Shown to platform admins.
 */
public record ImportCapNotice(String checkedBy, String fileName, int outOfScopeMatches, Instant checkedAt) {}
