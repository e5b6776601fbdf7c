package org.digilit.organisation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of the organisation tree and its parent history (owned by organisation): reads with and without a scope,
 * moves, and the bulk writes of an import. Scope checks, validation and audit stay in the services.
 */
@Repository
class OrganisationStore {

    static final String COLUMNS = """
            o.id, o.code, o.parent_id, o.type, o.name_vi, o.name_en, o.expected_citizens, o.expected_teachers,
            o.expected_officials, o.path, o.depth,
            (select count(*) from organisation c where c.parent_id = o.id) as child_count""";

    private static final int BATCH_SIZE = 1000;

    private static final String UPSERT = """
            insert into organisation (code, parent_id, type, name_vi, name_en, search_text,
                expected_citizens, expected_teachers, expected_officials, path, depth, created_at, updated_at)
            values (?, (select id from organisation where code = ?), ?, ?, ?, ?, ?, ?, ?, '', 0, ?, ?)
            on conflict (code) do update set
                parent_id = excluded.parent_id, type = excluded.type, name_vi = excluded.name_vi,
                name_en = excluded.name_en, search_text = excluded.search_text,
                expected_citizens = excluded.expected_citizens, expected_teachers = excluded.expected_teachers,
                expected_officials = excluded.expected_officials, updated_at = excluded.updated_at""";

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;

    OrganisationStore(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
    }

    // Reads --------------------------------------------------------------------------------------------------------

    Optional<String> pathOf(String code) {
        return jdbc.sql("select path from organisation where code = :code")
                .param("code", code)
                .query(String.class)
                .optional();
    }

    /**
     * The path of the organisation with this code, or, when {@code groupServesParent} and it is a community group,
     * the path of its parent.
     */
    Optional<String> servedPathOf(String code, boolean groupServesParent) {
        return jdbc.sql("""
                        select case when :parent and o.type = 'COMMUNITY_GROUP' and p.path is not null
                            then p.path else o.path end
                        from organisation o left join organisation p on p.id = o.parent_id where o.code = :code""")
                .param("parent", groupServesParent)
                .param("code", code)
                .query(String.class)
                .optional();
    }

    List<OrganisationSummary> roots() {
        return jdbc.sql("select " + COLUMNS + " from organisation o where o.parent_id is null order by o.name_vi")
                .query(OrganisationStore::summary)
                .list();
    }

    List<OrganisationSummary> inScope(OrganisationScope scope) {
        return jdbc.sql("select " + COLUMNS + " from organisation o where " + scope.sqlCondition()
                        + " order by o.depth, o.name_vi")
                .params(scope.sqlParameters())
                .query(OrganisationStore::summary)
                .list();
    }

    List<OrganisationSummary> childrenInScope(long parentId, OrganisationScope scope, int offset, int limit) {
        return jdbc.sql("select " + COLUMNS + " from organisation o where o.parent_id = :parent and "
                        + scope.sqlCondition() + " order by o.name_vi, o.code offset :offset limit :limit")
                .param("parent", parentId)
                .params(scope.sqlParameters())
                .param("offset", offset)
                .param("limit", limit)
                .query(OrganisationStore::summary)
                .list();
    }

    int countChildrenInScope(long parentId, OrganisationScope scope) {
        return jdbc.sql("select count(*) from organisation o where o.parent_id = :parent and " + scope.sqlCondition())
                .param("parent", parentId)
                .params(scope.sqlParameters())
                .query(Integer.class)
                .single();
    }

    /** Organisations in scope whose folded search text contains the (already folded) text. */
    List<OrganisationSummary> searchInScope(String folded, OrganisationScope scope, int offset, int limit) {
        return jdbc.sql("select " + COLUMNS + " from organisation o where o.search_text like :pattern and "
                        + scope.sqlCondition() + " order by o.depth, o.name_vi offset :offset limit :limit")
                .param("pattern", "%" + escapeLike(folded) + "%")
                .params(scope.sqlParameters())
                .param("offset", offset)
                .param("limit", limit)
                .query(OrganisationStore::summary)
                .list();
    }

    Optional<OrganisationSummary> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from organisation o where o.id = :id")
                .param("id", id)
                .query(OrganisationStore::summary)
                .optional();
    }

    Optional<OrganisationSummary> findByCode(String code) {
        return jdbc.sql("select " + COLUMNS + " from organisation o where o.code = :code")
                .param("code", code)
                .query(OrganisationStore::summary)
                .optional();
    }

    /** The organisations with these ids, shallowest first. */
    List<OrganisationSummary> byIdsByDepth(Long[] ids) {
        return jdbc.sql("select " + COLUMNS + " from organisation o where o.id = any (:ids) order by o.depth")
                .param("ids", ids)
                .query(OrganisationStore::summary)
                .list();
    }

    /** Communes whose folded search text or lower-case code matches the LIKE pattern. */
    List<OrganisationSummary> communesMatching(String pattern, int offset, int limit) {
        return jdbc.sql("select " + COLUMNS + " from organisation o where o.type = 'COMMUNE' and"
                        + " (o.search_text like :text or lower(o.code) like :text) order by o.name_vi, o.code"
                        + " offset :offset limit :limit")
                .param("text", pattern)
                .param("offset", offset)
                .param("limit", limit)
                .query(OrganisationStore::summary)
                .list();
    }

    List<Map<String, Object>> parentHistory(long id) {
        return jdbc.sql("""
                        select parent_id, valid_from, valid_to, changed_by from organisation_parent_history
                        where organisation_id = :id order by valid_from""").param("id", id).query().listOfRows();
    }

    // References (no child count) ----------------------------------------------------------------------------------

    List<OrganisationRef> allReferences() {
        return jdbc.sql("select id, code, path, type, name_vi, name_en from organisation")
                .query((rs, n) -> reference(rs))
                .list();
    }

    Optional<OrganisationRef> referenceByCode(String code) {
        return jdbc.sql("select id, code, path, type, name_vi, name_en from organisation where code = :code")
                .param("code", code)
                .query((rs, n) -> reference(rs))
                .optional();
    }

    Optional<OrganisationRef> reference(long id) {
        return jdbc.sql("select id, code, path, type, name_vi, name_en from organisation where id = :id")
                .param("id", id)
                .query((rs, n) -> reference(rs))
                .optional();
    }

    /** The references with these ids, shallowest first. */
    List<OrganisationRef> referencesByDepth(Long[] ids) {
        return jdbc.sql("select id, code, path, type, name_vi, name_en from organisation where id = any (:ids)"
                        + " order by depth")
                .param("ids", ids)
                .query((rs, n) -> reference(rs))
                .list();
    }

    /** Up to 200 children of one type, by Vietnamese name. */
    List<OrganisationRef> childReferences(long parentId, OrganisationType type) {
        return jdbc.sql("select id, code, path, type, name_vi, name_en from organisation where parent_id = :parent"
                        + " and type = :type order by name_vi, code limit 200")
                .param("parent", parentId)
                .param("type", type.name())
                .query((rs, n) -> reference(rs))
                .list();
    }

    // Moves --------------------------------------------------------------------------------------------------------

    /** Tree changes (moves, imports) run one at a time: a transaction-scoped advisory lock. */
    void lockTree() {
        jdbc.sql("select pg_advisory_xact_lock(4242001)").query().singleValue();
    }

    /** Closes the open parent-history row of an organisation and opens one for its new parent. */
    void recordParentChange(long id, long newParentId, Timestamp when, String by) {
        jdbc.sql(
                        "update organisation_parent_history set valid_to = :when where organisation_id = :id and valid_to is null")
                .param("when", when)
                .param("id", id)
                .update();
        jdbc.sql("""
                        insert into organisation_parent_history (organisation_id, parent_id, valid_from, changed_by)
                        values (:id, :parent, :when, :by)""")
                .param("id", id)
                .param("parent", newParentId)
                .param("when", when)
                .param("by", by)
                .update();
    }

    void updateParent(long id, long parentId, Timestamp now) {
        jdbc.sql("update organisation set parent_id = :parent, updated_at = :now where id = :id")
                .params(Map.of("parent", parentId, "now", now, "id", id))
                .update();
    }

    /** Rewrites the paths and depths of a moved subtree (every row whose path starts with the old path). */
    void movePaths(String oldPath, String newPath, int depthChange) {
        jdbc.sql("""
                        update organisation
                        set path = :newPath || substr(path, length(:oldPath) + 1),
                            depth = depth + :depthChange
                        where path like :oldPattern""")
                .param("newPath", newPath)
                .param("oldPath", oldPath)
                .param("depthChange", depthChange)
                .param("oldPattern", escapeLike(oldPath) + "%")
                .update();
    }

    // Import -------------------------------------------------------------------------------------------------------

    /** Every organisation as it stands, with its parent's code, by code (what an import compares its file with). */
    Map<String, OrganisationImportService.Existing> existingByCode() {
        var existing = new HashMap<String, OrganisationImportService.Existing>();
        jdbc.sql("""
                        select o.id, o.code, p.code as parent_code, o.type, o.name_vi, o.name_en, o.expected_citizens,
                            o.expected_teachers, o.expected_officials, o.path
                        from organisation o left join organisation p on p.id = o.parent_id""")
                .query((rs, n) -> {
                    var parentCode = rs.getString("parent_code");
                    var row = new OrganisationRow(
                            rs.getString("code"),
                            parentCode,
                            OrganisationType.valueOf(rs.getString("type")),
                            rs.getString("name_vi"),
                            rs.getString("name_en"),
                            new Headcounts(
                                    rs.getInt("expected_citizens"),
                                    rs.getInt("expected_teachers"),
                                    rs.getInt("expected_officials")));
                    existing.put(
                            row.code(),
                            new OrganisationImportService.Existing(
                                    rs.getLong("id"), parentCode, rs.getString("path"), row));
                    return null;
                })
                .list();
        return existing;
    }

    /**
     * Inserts or updates the rows in batches, in the order given (parents before their children, so each parent's id
     * is there when its child needs it).
     */
    void upsertAll(List<OrganisationRow> rows, Timestamp now) {
        jdbcTemplate.batchUpdate(UPSERT, rows, BATCH_SIZE, (statement, row) -> {
            statement.setString(1, row.code());
            statement.setString(2, row.parentCode());
            statement.setString(3, row.type().name());
            statement.setString(4, row.nameVi());
            statement.setString(5, row.nameEn());
            statement.setString(6, OrganisationImportService.searchText(row));
            statement.setInt(7, row.headcounts().citizens());
            statement.setInt(8, row.headcounts().teachers());
            statement.setInt(9, row.headcounts().officials());
            statement.setTimestamp(10, now);
            statement.setTimestamp(11, now);
        });
    }

    /** Links each row with a parent code to that parent where the link differs. */
    void linkParents(List<OrganisationRow> withParent) {
        jdbc.sql("""
                        update organisation c set parent_id = p.id
                        from unnest(cast(:codes as text[]), cast(:parents as text[])) as x(code, parent)
                        join organisation p on p.code = x.parent
                        where c.code = x.code and c.parent_id is distinct from p.id""")
                .param("codes", withParent.stream().map(OrganisationRow::code).toArray(String[]::new))
                .param(
                        "parents",
                        withParent.stream().map(OrganisationRow::parentCode).toArray(String[]::new))
                .update();
    }

    /** Closes the open parent-history rows of these organisations and opens one for each's current parent. */
    void recordParentChanges(String[] codes, Timestamp now, String by) {
        jdbc.sql("""
                        update organisation_parent_history h set valid_to = :now
                        from organisation o
                        where o.id = h.organisation_id and o.code = any (:codes) and h.valid_to is null""").param("now", now).param("codes", codes).update();
        jdbc.sql("""
                        insert into organisation_parent_history (organisation_id, parent_id, valid_from, changed_by)
                        select id, parent_id, :now, :by from organisation where code = any (:codes)""").param("now", now).param("by", by).param("codes", codes).update();
    }

    /** Recomputes the materialised paths and depths from the parent links, touching only rows that changed. */
    void recomputePaths() {
        jdbc.sql("""
                        with recursive tree (id, path, depth) as (
                            select id, '/' || id || '/', 0 from organisation where parent_id is null
                            union all
                            select o.id, t.path || o.id || '/', t.depth + 1
                            from organisation o join tree t on o.parent_id = t.id)
                        update organisation o set path = t.path, depth = t.depth
                        from tree t where o.id = t.id and (o.path <> t.path or o.depth <> t.depth)""").update();
    }

    // Mapping ------------------------------------------------------------------------------------------------------

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    static OrganisationSummary summary(ResultSet rs, int row) throws SQLException {
        var parentId = rs.getObject("parent_id", Long.class);
        return new OrganisationSummary(
                rs.getLong("id"),
                rs.getString("code"),
                parentId,
                OrganisationType.valueOf(rs.getString("type")),
                rs.getString("name_vi"),
                rs.getString("name_en"),
                new Headcounts(
                        rs.getInt("expected_citizens"),
                        rs.getInt("expected_teachers"),
                        rs.getInt("expected_officials")),
                rs.getString("path"),
                rs.getInt("depth"),
                rs.getInt("child_count"));
    }

    private static OrganisationRef reference(ResultSet rs) throws SQLException {
        return new OrganisationRef(
                rs.getLong("id"),
                rs.getString("code"),
                rs.getString("path"),
                OrganisationType.valueOf(rs.getString("type")),
                rs.getString("name_vi"),
                rs.getString("name_en"));
    }
}
