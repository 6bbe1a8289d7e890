package ai.voxworks.bench;

import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The practical ceiling for a JVM server here: a bare Javalin handler that checks the header and
 * returns precomputed bytes. {@code BaselineServer PORT BODY_FILE KEY}.
 */
public final class BaselineServer {

    private BaselineServer() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        byte[] body = Files.readAllBytes(Path.of(args[1]));
        String expected = "Bearer " + args[2];
        byte[] unauthorized = "{\"success\":false,\"message\":\"Invalid API key\"}".getBytes(StandardCharsets.UTF_8);
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.compressionStrategy = CompressionStrategy.NONE;
            config.routes.get("/api/v1/get-call/{call_id}", ctx -> {
                boolean ok = expected.equals(ctx.header("Authorization"));
                ctx.status(ok ? 200 : 401).contentType("application/json").result(ok ? body : unauthorized);
            });
        }).start("127.0.0.1", port);
        System.out.println("baseline listening on http://127.0.0.1:" + app.port());
    }
}
