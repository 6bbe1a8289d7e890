package ai.voxworks.conformance;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.platform.engine.support.store.Namespace;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs the cases through the JUnit Platform launcher with settings given in full (the command
 * line has read the environment already): the profile picks the cases, the classes run in
 * their order, and no listener or configuration file found on the class path joins in.
 */
final class ConformanceRun {

    /**
     * The case classes, in the order they run: rate limiting last but for the response times (which
     * only reads what came before), since it uses up the quota.
     */
    static final List<Class<?>> CASES = List.of(GetCallCases.class, NegativeCases.class, RateLimitCases.class,
            ResponseTimeCases.class);

    static final String CLASS_ORDER = "junit.jupiter.testclass.order.default";

    private ConformanceRun() {
    }

    /**
     * Runs every case of the settings' profile; {@code settings} maps {@link Target.Setting}
     * properties to values (missing or blank: not given).
     *
     * @throws IllegalArgumentException when the settings do not make a target
     */
    static Results run(Map<String, String> settings, Results.Live live) {
        return run(settings, live, Http.Time.SYSTEM);
    }

    /** The same, with {@code time} for the run's clock and waits (tests pass one that moves only when waited on). */
    static Results run(Map<String, String> settings, Results.Live live, Http.Time time) {
        Target target = Target.read(settings::get, name -> null);
        Map<String, String> parameters = new HashMap<>(settings);
        parameters.put(TargetExtension.PARAMETERS_ONLY, "true");
        parameters.put(Target.Setting.PROFILE.property, target.profile().id());
        parameters.put(CLASS_ORDER, ClassOrderer.OrderAnnotation.class.getName());
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                .selectors(CASES.stream().map(c -> selectClass(c)).toList())
                .configurationParameters(parameters)
                .enableImplicitConfigurationParameters(false);
        if (target.profile() == Profile.CONTRACT) {
            request.filters(TagFilter.excludeTags(Profile.STRICT_TAG));
        }
        Results results = new Results(live);
        try (LauncherSession session = LauncherFactory.openSession(LauncherConfig.builder()
                .enableTestExecutionListenerAutoRegistration(false).build())) {
            session.getStore().put(Namespace.create(TargetExtension.NS.getParts()), Http.Time.class, time);
            session.getLauncher().execute(request.build(), results);
        }
        return results;
    }
}
