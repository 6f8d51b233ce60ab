package coop.plenum.governance.webhook.delivery;

import coop.plenum.governance.webhook.WebhookKind;
import coop.plenum.kernel.PeriodicTask;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends queued deliveries, on its own threads, never the event processor's: one poller claims due deliveries (at
 * most {@code max-in-flight} at a time) and a small pool resolves and checks each target and starts the request;
 * the wait for the answer costs no thread (the JDK client is asynchronous). Every exchange is bounded: connecting
 * by {@code connect-timeout}, the whole exchange by {@code total-timeout}, the answer's body by
 * {@code max-response-bytes}. So a receiver that hangs holds one slot for at most the total timeout, and every
 * other webhook, of this cooperative or another, is served meanwhile.
 * <p>
 * A 2xx answer delivers; anything else (another status, a refused or timed-out connection, an address that now
 * resolves inward) is a failed attempt, retried on {@link RetrySchedule} until the attempts are used up (FAILED).
 */
@Component
class WebhookDispatcher implements SmartLifecycle, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final int ERROR_LENGTH = 300;

    private final WebhookStore store;
    private final WebhookSecrets secrets;
    private final WebhookAddresses addresses;
    private final WebhookSettings settings;
    private final RetrySchedule retries;
    private final Clock clock;
    private final Semaphore slots;
    private final ExecutorService starters;
    private final HttpClient client;
    private final AtomicBoolean wakeQueued = new AtomicBoolean();
    private final AtomicInteger threads = new AtomicInteger();
    private volatile PeriodicTask poller;
    private volatile ExecutorService wakeups;

    WebhookDispatcher(WebhookStore store, WebhookSecrets secrets, WebhookAddresses addresses, WebhookSettings settings,
                      Clock clock) {
        this.store = store;
        this.secrets = secrets;
        this.addresses = addresses;
        this.settings = settings;
        this.retries = RetrySchedule.of(settings);
        this.clock = clock;
        this.slots = new Semaphore(settings.maxInFlight());
        this.starters = Executors.newFixedThreadPool(4, r -> daemon(r, "webhook-sender-" + threads.incrementAndGet()));
        this.client = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                // no h2c upgrade dance on plain-http loopback targets; HTTPS receivers all speak HTTP/1.1
                .version(HttpClient.Version.HTTP_1_1)
                .executor(starters)
                .build();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread thread = new Thread(r, name);
        thread.setDaemon(true);
        return thread;
    }

    /** Look for due deliveries now instead of at the next poll (something was just queued or enabled). */
    void wake() {
        ExecutorService running = wakeups;
        if (running != null && wakeQueued.compareAndSet(false, true)) {
            running.execute(() -> {
                wakeQueued.set(false);
                dispatchDue();
            });
        }
    }

    /** Claims what is due, as far as free slots allow, and starts each attempt. Runs on one thread at a time. */
    synchronized void dispatchDue() {
        try {
            Instant now = clock.instant();
            int free = slots.availablePermits();
            if (free == 0) {
                return;
            }
            for (Document due : store.due(now, free)) {
                if (!slots.tryAcquire()) {
                    return;
                }
                // the lease outlives the longest exchange, so only a dead sender's delivery is taken again
                Optional<Document> claimed = store.claim(due, now.plus(settings.totalTimeout()).plusSeconds(30));
                if (claimed.isEmpty()) {
                    slots.release();
                    continue;
                }
                starters.execute(() -> attempt(claimed.get()));
            }
        } catch (RuntimeException e) {
            log.warn("Webhook deliveries could not be read; trying again at the next poll", e);
        }
    }

    private void attempt(Document delivery) {
        Instant started = clock.instant();
        long startNanos = System.nanoTime();
        try {
            Optional<Document> endpoint = store.endpoint(delivery.getString("webhookId"));
            if (endpoint.isEmpty()) {
                settle(delivery, started, startNanos, null, "the webhook is unknown");
                return;
            }
            String url = endpoint.get().getString("url");
            Optional<String> refusal = addresses.refusal(url);
            if (refusal.isPresent()) {
                settle(delivery, started, startNanos, null, "not sent: " + refusal.get());
                return;
            }
            int attempt = delivery.getInteger("attempts", 0) + 1;
            WebhookKind kind = WebhookKind.ofWireName(delivery.getString("kind")).orElseThrow();
            byte[] body = WebhookPayloads.body(delivery.getString("deliveryId"), kind, delivery.getString("cooperativeId"),
                    delivery.getDate("occurredAt").toInstant(), started, attempt, delivery.getString("data"));
            String secret = secrets.secretOf(new coop.plenum.governance.webhook.WebhookId(delivery.getString("webhookId")));
            HttpRequest request = HttpRequest.newBuilder(URI.create(url.strip()))
                    .timeout(settings.totalTimeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Plenum-Webhooks/1")
                    .header("X-Plenum-Delivery", delivery.getString("deliveryId"))
                    .header("X-Plenum-Event", kind.wireName())
                    .header("X-Plenum-Signature", WebhookSecrets.signature(secret, body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            var reader = new java.util.concurrent.atomic.AtomicReference<BoundedBody>();
            CompletableFuture<HttpResponse<String>> exchange = client.sendAsync(request, info -> {
                BoundedBody answer = new BoundedBody(settings.maxResponseBytes());
                reader.set(answer);
                return answer;
            });
            exchange.orTimeout(settings.totalTimeout().toMillis(), TimeUnit.MILLISECONDS)
                    .whenComplete((response, failure) -> {
                        if (failure != null) {
                            // a receiver dripping its answer is hung up on, not just stopped waiting for
                            Optional.ofNullable(reader.get()).ifPresent(BoundedBody::hangUp);
                            settle(delivery, started, startNanos, null, describe(failure));
                        } else {
                            int status = response.statusCode();
                            settle(delivery, started, startNanos, status, status / 100 == 2 ? null
                                    : "answered " + status + bodyHint(response.body()));
                        }
                    });
        } catch (RuntimeException e) {
            settle(delivery, started, startNanos, null, describe(e));
        }
    }

    /** Records the attempt and frees its slot; a failure is retried later unless the attempts are used up. */
    private void settle(Document delivery, Instant started, long startNanos, Integer status, String error) {
        try {
            long latency = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
            int attempts = delivery.getInteger("attempts", 0) + 1;
            Document attempt = new Document("at", Date.from(started)).append("responseCode", status)
                    .append("latencyMillis", latency).append("error", error);
            if (error == null) {
                store.attempted(delivery.get("_id"), WebhookStore.DELIVERED, attempt, null);
                return;
            }
            Optional<Duration> wait = retries.waitAfter(attempts, ThreadLocalRandom.current().nextDouble());
            store.attempted(delivery.get("_id"), wait.isPresent() ? WebhookStore.PENDING : WebhookStore.FAILED, attempt,
                    wait.map(w -> clock.instant().plus(w)).orElse(null));
            if (wait.isEmpty()) {
                log.warn("Webhook delivery {} to webhook {} failed after {} attempts: {}", delivery.getString("deliveryId"),
                        delivery.getString("webhookId"), attempts, error);
            }
        } catch (RuntimeException e) {
            // the lease expires and the delivery is tried again: at least once, as documented
            log.warn("Could not record an attempt of webhook delivery {}", delivery.getString("deliveryId"), e);
        } finally {
            slots.release();
        }
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        String text;
        if (cause instanceof TimeoutException || cause instanceof HttpTimeoutException) {
            text = cause instanceof java.net.http.HttpConnectTimeoutException ? "connect timed out" : "timed out";
        } else if (cause instanceof java.net.ConnectException) {
            text = "connection refused";
        } else {
            text = cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        }
        return text.length() > ERROR_LENGTH ? text.substring(0, ERROR_LENGTH) : text;
    }

    private static String bodyHint(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String clean = body.strip().replaceAll("\\p{Cntrl}", " ");
        return ": " + (clean.length() > 200 ? clean.substring(0, 200) + "…" : clean);
    }

    // --- lifecycle ------------------------------------------------------------------------------------------------

    @Override
    public void start() {
        wakeups = Executors.newSingleThreadExecutor(r -> daemon(r, "webhook-wakeup"));
        poller = PeriodicTask.every(settings.pollInterval(), "webhook-poller", this::dispatchDue);
    }

    @Override
    public void stop() {
        PeriodicTask running = poller;
        if (running != null) {
            running.close();
            poller = null;
        }
        ExecutorService w = wakeups;
        if (w != null) {
            w.shutdownNow();
            wakeups = null;
        }
    }

    @Override
    public boolean isRunning() {
        return poller != null;
    }

    @Override
    public void destroy() {
        stop();
        starters.shutdownNow();
    }

}
