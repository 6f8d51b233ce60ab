package coop.plenum.governance.webhook.delivery;

import coop.plenum.governance.webhook.WebhookUrl;
import org.springframework.stereotype.Component;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/** Resolves a webhook URL's host and says why Plenum will not call it, if it will not (see {@link WebhookUrl}). */
@Component
public class WebhookAddresses {

    private final boolean allowLoopback;

    WebhookAddresses(WebhookSettings settings) {
        this.allowLoopback = settings.allowLoopback();
    }

    /** Blocks on DNS: call off the event loop. */
    public Optional<String> refusal(String url) {
        List<InetAddress> addresses;
        try {
            addresses = List.of(InetAddress.getAllByName(WebhookUrl.host(url)));
        } catch (UnknownHostException e) {
            return Optional.of("url's host '" + WebhookUrl.host(url) + "' is unknown");
        }
        return WebhookUrl.addressRefusal(url, addresses, allowLoopback);
    }
}
