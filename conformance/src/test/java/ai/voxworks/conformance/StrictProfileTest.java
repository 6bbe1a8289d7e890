package ai.voxworks.conformance;

import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.SelectClasses;
import org.junit.platform.suite.api.Suite;
import org.junit.platform.suite.api.SuiteDisplayName;

/**
 * The Maven route: every case, strict profile, against the embedded mock, or against
 * {@code -Dvoxworks.baseUrl=...} (with the other {@code voxworks.*} properties) when
 * {@code -Dvoxworks.conformance.profile=strict} asks for it.
 */
@Suite
@SuiteDisplayName("conformance, strict profile")
@SelectClasses({GetCallCases.class, NegativeCases.class, RateLimitCases.class, ResponseTimeCases.class})
@ConfigurationParameter(key = TargetExtension.SUITE, value = "strict")
@ConfigurationParameter(key = ConformanceRun.CLASS_ORDER, value = "org.junit.jupiter.api.ClassOrderer$OrderAnnotation")
class StrictProfileTest {
}
