/**
 * Completions from other platforms (issue #17): the registry of external platforms and their programmes, the
 * completions import (CSV, XLSX and the keyed feed for machines), the holding list of rows whose person has no account
 * yet, and the names of external sources for the report and the learner's home. Owns {@code external_platform},
 * {@code external_programme}, {@code completion_import} and {@code external_completion}; writes course completions
 * only through {@code learning.LearningService}. See DD010.
 */
@org.jspecify.annotations.NullMarked
package org.digilit.completion;
