package ai.voxworks.conformance;

import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.SelectClasses;
import org.junit.platform.suite.api.Suite;
import org.junit.platform.suite.api.SuiteDisplayName;

/**
 * The Maven route: every case, strict profile, against the embedded mock, or against
 * {@code -Dvoxworks.baseUrl=...} (with the other {@code voxworks.*} properties or their variables).
 */
@Suite
@SuiteDisplayName("conformance, strict profile")
@SelectClasses({GetCallCases.class, RateLimitCases.class})
@ConfigurationParameter(key = "voxworks.conformance.profile", value = "strict")
@ConfigurationParameter(key = ConformanceRun.CLASS_ORDER, value = "org.junit.jupiter.api.ClassOrderer$OrderAnnotation")
class StrictProfileTest {
}
