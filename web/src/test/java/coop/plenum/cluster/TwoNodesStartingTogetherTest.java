package coop.plenum.cluster;

import coop.plenum.governance.storage.StoresCommand;
import coop.plenum.PlenumApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationContextInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes deployed together on fresh shared stores start at the same moment: both used to create the operator
 * account, and the loser of the race stopped with a duplicate key instead of serving. Both must come up, with one
 * operator that signs in on either node.
 */
class TwoNodesStartingTogetherTest {

    private static final String ADMIN_PASSWORD = "together-admin";

    @Test
    void twoNodesStartingAtOnceOnFreshStoresBothServeAndShareOneOperator() throws Exception {
        Path stores = Files.createTempDirectory("plenum-together-stores-");
        try (StoresCommand.Running running = StoresCommand.start(List.of("--data-dir", stores.toString()))) {
            List<String> shared = new ArrayList<>(running.settings().stream().map(coop.plenum.support.SharedStoreArguments::of).toList());
            shared.add("--plenum.security.bcrypt-strength=4");
            String[] arguments = shared.toArray(String[]::new);
            // one JVM cannot initialise logging for two applications at once (Logback's property map), so node B
            // starts once node A's context exists; both then meet where the schema and the operator are created
            CyclicBarrier schema = new CyclicBarrier(2);
            CountDownLatch aInitialized = new CountDownLatch(1);
            CompletableFuture<ConfigurableApplicationContext> a = start("a", arguments, schema, aInitialized);
            assertThat(aInitialized.await(2, TimeUnit.MINUTES)).as("node A initialised").isTrue();
            CompletableFuture<ConfigurableApplicationContext> b = start("b", arguments, schema, new CountDownLatch(1));
            try {
                ConfigurableApplicationContext nodeA = a.get(5, TimeUnit.MINUTES);
                ConfigurableApplicationContext nodeB = b.get(5, TimeUnit.MINUTES);
                JdbcTemplate jdbc = new JdbcTemplate(nodeA.getBean(DataSource.class));
                assertThat(jdbc.queryForObject("select count(*) from plenum_account_login where username = 'admin'", Long.class))
                        .as("one operator account").isEqualTo(1);
                for (ConfigurableApplicationContext node : List.of(nodeA, nodeB)) {
                    assertThat(statusOfMe(node)).as("the operator signs in on " + base(node)).isEqualTo(200);
                }
            } finally {
                closeIfStarted(b);
                closeIfStarted(a);
            }
        }
    }

    private static CompletableFuture<ConfigurableApplicationContext> start(String name, String[] arguments, CyclicBarrier schema,
                                                                         CountDownLatch initialized) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                List<String> all = new ArrayList<>(List.of("--server.port=0",
                        "--plenum.data-dir=" + Files.createTempDirectory("plenum-together-node-" + name + "-"),
                        "--plenum.admin-password=" + ADMIN_PASSWORD));
                all.addAll(List.of(arguments));
                return new SpringApplicationBuilder(PlenumApplication.class)
                        .listeners((ApplicationListener<ApplicationContextInitializedEvent>) event -> initialized.countDown())
                        .initializers(context -> context.getBeanFactory().addBeanPostProcessor(meetAtTheSchema(schema)))
                        .run(all.toArray(String[]::new));
            } catch (Exception e) {
                throw new IllegalStateException("node " + name + " did not start", e);
            }
        });
    }

    /** Holds each node just before its schema step until the other node gets there too. */
    private static BeanPostProcessor meetAtTheSchema(CyclicBarrier schema) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean.getClass().getSimpleName().equals("EventLogSchema")) {
                    try {
                        schema.await(2, TimeUnit.MINUTES);
                    } catch (Exception e) {
                        throw new IllegalStateException("the other node never reached its schema step", e);
                    }
                }
                return bean;
            }
        };
    }

    private static int statusOfMe(ConfigurableApplicationContext node) throws Exception {
        String basic = "Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base(node) + "/api/v1/accounts/me"))
                .header("Authorization", basic).timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode();
    }

    private static void closeIfStarted(CompletableFuture<ConfigurableApplicationContext> node) {
        node.thenAccept(ConfigurableApplicationContext::close).exceptionally(failedToStart -> null).join();
    }

    private static String base(ConfigurableApplicationContext context) {
        return "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
