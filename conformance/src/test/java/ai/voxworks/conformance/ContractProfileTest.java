package ai.voxworks.conformance;

import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.ExcludeTags;
import org.junit.platform.suite.api.SelectClasses;
import org.junit.platform.suite.api.Suite;
import org.junit.platform.suite.api.SuiteDisplayName;

/**
 * The Maven route: the contract profile's cases only, against the embedded mock, or against
 * {@code -Dvoxworks.baseUrl=...} when that is the profile asked for ({@code voxworks.conformance.profile},
 * contract by default for another server).
 */
@Suite
@SuiteDisplayName("conformance, contract profile")
@SelectClasses({GetCallCases.class, NegativeCases.class, RateLimitCases.class, ResponseTimeCases.class})
@ExcludeTags(Profile.STRICT_TAG)
@ConfigurationParameter(key = TargetExtension.SUITE, value = "contract")
@ConfigurationParameter(key = ConformanceRun.CLASS_ORDER, value = "org.junit.jupiter.api.ClassOrderer$OrderAnnotation")
class ContractProfileTest {
}
