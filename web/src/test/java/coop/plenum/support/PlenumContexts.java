package coop.plenum.support;

import coop.plenum.PlenumApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.file.Path;
import java.time.Duration;

/** Starts Plenum in this JVM on a given data directory, for tests that stop and start it again. */
public final class PlenumContexts {

    private PlenumContexts() {
    }

    public static ConfigurableApplicationContext start(Path dataDir, String adminPassword, String... extraArguments) {
        java.util.List<String> arguments = new java.util.ArrayList<>(java.util.List.of(
                "--server.port=0", "--plenum.data-dir=" + dataDir, "--plenum.admin-password=" + adminPassword));
        arguments.addAll(java.util.List.of(extraArguments));
        return new SpringApplicationBuilder(PlenumApplication.class).run(arguments.toArray(String[]::new));
    }

    public static WebTestClient client(ConfigurableApplicationContext context) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        // a connection per request: these apps start and stop inside one JVM, and Reactor Netty's global connection pool
        // outlives them; in the full suite a pooled connection once carried a failed sign-in into a two-minute stall
        return WebTestClient.bindToServer(new org.springframework.http.client.reactive.ReactorClientHttpConnector(
                        reactor.netty.http.client.HttpClient.create(reactor.netty.resources.ConnectionProvider.newConnection())))
                .baseUrl("http://127.0.0.1:" + port).responseTimeout(Duration.ofMinutes(2)).build();
    }
}
