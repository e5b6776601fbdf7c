package org.digilit.organisation;

/**
 * What kind of unit an organisation is; the codes are what import files and the database use. Vietnam since 1 July
 * 2025 uses PROVINCE and COMMUNE (DISTRICT is its former level); other countries' trees map onto the same types (an
 * Indian state: PROVINCE, DISTRICT, BLOCK, CLUSTER, SCHOOL, with gram panchayats as COMMUNE; DD019).
 */
public enum OrganisationType {
    PROVINCE,
    DISTRICT,
    COMMUNE,
    AGENCY,
    UNIT,
    SCHOOL,
    INSTITUTION,
    COMMUNITY_GROUP,
    /** A block (development block) of a district, as in India's school-education tree. */
    BLOCK,
    /** A cluster of schools under a block (its cluster resource centre), as in India's school-education tree. */
    CLUSTER
}
