package coop.plenum.api.notification;

import coop.plenum.api.security.PlenumUser;
import coop.plenum.api.support.Commands;
import coop.plenum.api.support.Queries;
import coop.plenum.governance.mail.PublicUrl;
import coop.plenum.governance.notification.CountUnreadNotifications;
import coop.plenum.governance.notification.Delivery;
import coop.plenum.governance.notification.FindNotificationSettings;
import coop.plenum.governance.notification.FindNotifications;
import coop.plenum.governance.notification.MarkNotificationsRead;
import coop.plenum.governance.notification.NotificationKind;
import coop.plenum.governance.notification.NotificationSettingsView;
import coop.plenum.governance.notification.NotificationView;
import coop.plenum.governance.notification.SetNotificationAddress;
import coop.plenum.governance.notification.SetNotificationPreference;
import coop.plenum.kernel.InvalidInput;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The caller's own notifications and settings, and a secretary's "remind those who haven't voted". */
@RestController
@Tag(name = "Notifications", description = "Your inbox, unread count and delivery preferences; reminders to vote")
class NotificationController {

    private static final String CORRELATION = "X-Correlation-Id";
    static final int MAX_LIMIT = 100;

    private final Queries queries;
    private final Commands commands;
    private final PublicUrl publicUrl;
    private final Reminders reminders;

    NotificationController(Queries queries, Commands commands, PublicUrl publicUrl, Reminders reminders) {
        this.queries = queries;
        this.commands = commands;
        this.publicUrl = publicUrl;
        this.reminders = reminders;
    }

    @GetMapping("/api/v1/notifications")
    @Operation(summary = "My notifications, newest first (offset, limit ≤ 100)")
    Mono<List<NotificationJson>> list(@RequestParam(required = false) Integer offset, @RequestParam(required = false) Integer limit,
                                      @AuthenticationPrincipal PlenumUser user) {
        int from = offset == null ? 0 : offset;
        int count = limit == null ? 50 : limit;
        if (from < 0) {
            return Mono.error(new InvalidInput("offset", "notification.offset-invalid", "offset is 0 or more"));
        }
        if (count < 1 || count > MAX_LIMIT) {
            return Mono.error(new InvalidInput("limit", "notification.limit-invalid", "limit is 1 to " + MAX_LIMIT));
        }
        return queries.many(new FindNotifications(user.accountId(), from, count), NotificationView.class)
                .map(views -> views.stream().map(v -> NotificationJson.of(v, publicUrl)).toList());
    }

    @GetMapping("/api/v1/notifications/unread-count")
    @Operation(summary = "How many of my notifications are unread")
    Mono<Map<String, Long>> unread(@AuthenticationPrincipal PlenumUser user) {
        return queries.one(new CountUnreadNotifications(user.accountId()), Long.class)
                .defaultIfEmpty(0L).map(n -> Map.of("unread", n));
    }

    @PostMapping("/api/v1/notifications/read")
    @Operation(summary = "Mark notifications read: {\"ids\": [...]} or {\"all\": true}")
    @ApiResponse(responseCode = "204", description = "done; no body")
    Mono<ResponseEntity<Void>> read(@RequestBody(required = false) ReadRequest request, @AuthenticationPrincipal PlenumUser user,
                                    @RequestHeader(value = CORRELATION, required = false) String correlation) {
        boolean all = request != null && Boolean.TRUE.equals(request.all());
        List<String> ids = request == null || request.ids() == null ? List.of() : request.ids();
        return commands.send(new MarkNotificationsRead(user.accountId(), ids, all), user.caller(correlation))
                .thenReturn(ResponseEntity.noContent().build());
    }

    @GetMapping("/api/v1/notifications/preferences")
    @Operation(summary = "My notification address and delivery per kind (OFF, IN_APP, EMAIL, DIGEST)")
    Mono<PreferencesJson> preferences(@AuthenticationPrincipal PlenumUser user) {
        return queries.one(new FindNotificationSettings(user.accountId()), NotificationSettingsView.class)
                .map(NotificationController::json);
    }

    @PutMapping("/api/v1/notifications/preferences")
    @Operation(summary = "Change my notification address and deliveries; kinds left out stay as they are")
    Mono<PreferencesJson> change(@RequestBody PreferencesJson request, @AuthenticationPrincipal PlenumUser user,
                                 @RequestHeader(value = CORRELATION, required = false) String correlation) {
        List<Object> changes = changes(request, user);
        return Flux.fromIterable(changes).concatMap(command -> commands.send(command, user.caller(correlation)).then())
                .then(preferences(user));
    }

    @PostMapping("/api/v1/cooperatives/{cooperativeId}/proposals/{proposalId}/reminders")
    @Operation(summary = "Remind the electors not counted yet to vote (secretary; at most once per vote per day)")
    Mono<Map<String, Integer>> remind(@PathVariable String cooperativeId, @PathVariable String proposalId,
                                      @AuthenticationPrincipal PlenumUser user,
                                      @RequestHeader(value = CORRELATION, required = false) String correlation) {
        return reminders.remind(cooperativeId, proposalId, user, correlation).map(n -> Map.of("reminded", n));
    }

    /** Every command the request asks for, all checked first so that a bad value stores nothing; the address first. */
    static List<Object> changes(PreferencesJson request, PlenumUser user) {
        if (request == null || (request.email() == null && request.preferences() == null)) {
            throw new InvalidInput("preferences", "notification.body-missing", "send email and/or preferences");
        }
        List<Object> commands = new ArrayList<>();
        if (request.email() != null) {
            commands.add(new SetNotificationAddress(user.accountId(), request.email()));
        }
        if (request.preferences() != null) {
            for (Map.Entry<String, String> entry : request.preferences().entrySet()) {
                commands.add(new SetNotificationPreference(user.accountId(), kind(entry.getKey()),
                        delivery(entry.getKey(), entry.getValue())));
            }
        }
        return commands;
    }

    private static NotificationKind kind(String name) {
        try {
            return NotificationKind.valueOf(name);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidInput("preferences", "notification.kind-invalid",
                    "preferences names kinds among " + List.of(NotificationKind.values()));
        }
    }

    private static Delivery delivery(String kind, String name) {
        try {
            return Delivery.valueOf(name);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidInput("preferences." + kind, "notification.delivery-invalid",
                    "a delivery is OFF, IN_APP, EMAIL or DIGEST");
        }
    }

    static PreferencesJson json(NotificationSettingsView view) {
        Map<String, String> preferences = new LinkedHashMap<>();
        view.preferences().forEach((kind, delivery) -> preferences.put(kind.name(), delivery.name()));
        return new PreferencesJson(view.email() == null ? "" : view.email(), preferences);
    }
}
