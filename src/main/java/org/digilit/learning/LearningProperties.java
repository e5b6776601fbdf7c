package org.digilit.learning;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Quiz retries: at most {@code quizAttempts} attempts within {@code quizCooldown}; after that the learner waits until
 * the oldest attempt of the window has aged out (re-reading the lessons in between is the point).
 */
@ConfigurationProperties("digilit.learning")
public record LearningProperties(
        @DefaultValue("3") int quizAttempts,
        @DefaultValue("30m") Duration quizCooldown) {}
