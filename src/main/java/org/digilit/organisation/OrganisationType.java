package org.digilit.organisation;

/** What kind of unit an organisation is; the codes are what import files and the database use. */
public enum OrganisationType {
    PROVINCE,
    DISTRICT,
    COMMUNE,
    AGENCY,
    UNIT,
    SCHOOL,
    INSTITUTION,
    COMMUNITY_GROUP
}
