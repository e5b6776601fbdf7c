/**
 * Learning: enrolment, lessons, quizzes, progress, completion (online, in person, imported) and certificates, and the
 * required courses an organisation assigns. Owns {@code enrolment}, {@code progress_event}, {@code course_progress},
 * {@code course_assignment} and {@code certificate}; publishes the views {@code learning_completion},
 * {@code learning_course_popularity}, {@code learning_required_course}, {@code learning_first_enrolment},
 * {@code learning_certificate} and {@code learning_progress} (DD013). Its SQL lives in the package-private stores
 * {@code ProgressStore}, {@code AssignmentStore} and {@code CertificateStore}; the services keep the transaction, the
 * scope check, validation and the audit call.
 */
@org.jspecify.annotations.NullMarked
package org.digilit.learning;
