package ai.voxworks.mock.testing;

import ai.voxworks.mock.MockServer;
import ai.voxworks.mock.MockServerConfig;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A mock server on a free loopback port for the tests of one class: in a static
 * {@code @RegisterExtension} field it serves the whole class, in an instance field each test gets
 * a fresh one.
 */
public final class LocalServer implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    private final UnaryOperator<MockServerConfig.Builder> config;
    private MockServer server;
    private TestHttp http;
    private boolean perTest;

    private LocalServer(UnaryOperator<MockServerConfig.Builder> config) {
        this.config = config;
    }

    /** A server with these settings (port 0 whatever they say). */
    public static LocalServer with(UnaryOperator<MockServerConfig.Builder> config) {
        return new LocalServer(config);
    }

    public static LocalServer withDefaults() {
        return new LocalServer(b -> b);
    }

    public MockServer server() {
        return server;
    }

    public TestHttp http() {
        return http;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (server == null) {
            perTest = true;
            start();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (perTest) {
            stop();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    private void start() {
        server = MockServer.start(config.apply(MockServerConfig.builder()).port(0).build());
        http = new TestHttp(server.baseUrl());
    }

    private void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
