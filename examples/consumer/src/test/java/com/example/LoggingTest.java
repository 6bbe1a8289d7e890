package com.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.voxworks.mock.junit5.VoxworksMockExtension;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/** The mock logs through this project's logging (Logback here), and brings no logging or CLI parser of its own. */
class LoggingTest {

    static final Path FIXTURES = createFixtures();

    @RegisterExtension
    static VoxworksMockExtension mock = VoxworksMockExtension.builder().fixturesDir(FIXTURES).build();

    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void listen() {
        logged.start();
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).addAppender(logged);
    }

    @AfterEach
    void stopListening() {
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).detachAppender(logged);
    }

    @Test
    void theProjectsOwnLoggingIsTheOneInUse() {
        assertTrue(LoggerFactory.getILoggerFactory() instanceof LoggerContext, LoggerFactory.getILoggerFactory().getClass().getName());
        assertThrows(ClassNotFoundException.class, () -> Class.forName("org.slf4j.simple.SimpleLogger"));
        assertThrows(ClassNotFoundException.class, () -> Class.forName("picocli.CommandLine"));
    }

    @Test
    void theMocksLinesGoThroughIt() throws Exception {
        // An edited fixture file is reloaded, and the mock says so at INFO.
        Files.writeString(FIXTURES.resolve("calls/call_logging.json"), call(7));

        Instant until = Instant.now().plus(Duration.ofSeconds(20));
        while (logged.list.stream().noneMatch(e -> e.getFormattedMessage().startsWith("Reloaded fixtures"))) {
            assertTrue(Instant.now().isBefore(until), "no 'Reloaded fixtures' line reached Logback: " + logged.list);
            Thread.sleep(50);
        }
        ILoggingEvent reloaded = logged.list.stream().filter(e -> e.getFormattedMessage().startsWith("Reloaded fixtures"))
                .findFirst().orElseThrow();
        assertTrue(reloaded.getLoggerName().startsWith("ai.voxworks.mock."), reloaded.getLoggerName());
        assertEquals("INFO", reloaded.getLevel().toString());
    }

    private static Path createFixtures() {
        try {
            Path dir = Files.createTempDirectory("voxworks-logging-test");
            Files.createDirectories(dir.resolve("calls"));
            Files.writeString(dir.resolve("teams.json"),
                    "{\"teams\":[{\"id\":\"team_log\",\"name\":\"Logging\",\"api_keys\":[\"vx_test_logging_key_0001\"]}]}");
            Files.writeString(dir.resolve("calls/call_logging.json"), call(5));
            return dir;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String call(int duration) {
        return "{\"id\":\"call_logging\",\"team_id\":\"team_log\",\"status\":\"completed\",\"duration\":" + duration + "}";
    }
}
