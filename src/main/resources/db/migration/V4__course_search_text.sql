-- Folded text (lower case, no diacritics) of courses and lessons, for the PostgreSQL search fallback used
-- when Elasticsearch is down. Filled by the content loader.
alter table course add column search_text text not null default '';
alter table lesson add column search_text text not null default '';
-- Existing rows are re-folded at the next load: force it by forgetting their hashes.
update course set content_hash = '';
