package ai.voxworks.conformance;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How many requests a case method sends (all its invocations together), so that a run can say
 * up front about how many it will make. The rate-limit cases count 0: how many they send depends
 * on the key's quota, and the case that uses it up says so.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface Requests {
    int value();

    /** Whether it also sends as many as the key's quota allows, to reach the rate limit. */
    boolean exhaustsTheRateLimit() default false;

    /** Whether it also sends the generated ids ({@code --fuzz N}: N more). */
    boolean generatedIds() default false;
}
