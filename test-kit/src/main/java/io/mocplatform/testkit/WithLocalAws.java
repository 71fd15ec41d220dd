package io.mocplatform.testkit;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a test class against the in-process emulators shared by the whole test JVM; see
 * {@link LocalAwsExtension} for what can be injected.
 *
 * <pre>{@code
 * @WithLocalAws
 * class JobRepositoryIT {
 *     @Test
 *     void shouldStoreJob(LocalAwsEnvironment env, DynamoDbEnhancedClient dynamoDb) { ... }
 * }
 * }</pre>
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(LocalAwsExtension.class)
public @interface WithLocalAws {
}
